package io.halqe.domain.response;

import io.halqe.domain.core.Page;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class PageTest {

    @Test
    void all_shouldYieldEveryItemInOrder_acrossEmptyPages_askingEachPageOnce() {
        // GIVEN a listing of three pages, the middle one empty (a filtered query can return one)
        Map<String, Page<String>> pages = Map.of("start", new Page<>(List.of("a", "b"), "p2"),
                "p2", new Page<>(List.of(), "p3"), "p3", new Page<>(List.of("c"), null));
        List<String> asked = new ArrayList<>();
        // WHEN every item is read
        List<String> items = new ArrayList<>();
        for (String item : Page.all(cursor -> {
            asked.add(cursor == null ? "start" : cursor);
            return pages.get(cursor == null ? "start" : cursor);
        })) {
            items.add(item);
        }
        // THEN all come, in order, and each page was asked for once
        assertThat(items).containsExactly("a", "b", "c");
        assertThat(asked).containsExactly("start", "p2", "p3");
    }

    @Test
    void all_shouldYieldNothing_whenTheListingIsEmpty() {
        assertThat(Page.all(cursor -> new Page<String>(List.of(), null))).isEmpty();
    }
}
