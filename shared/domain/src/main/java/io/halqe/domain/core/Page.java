package io.halqe.domain.core;

import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.function.Function;

/** One page of a listing; {@code next} is an opaque cursor, null on the last page. */
public record Page<T>(List<T> items, String next) {
    public Page {
        items = List.copyOf(items);
    }

    /** Every item of a listing, in order: {@code fetch} is given the cursor (null first) and asked page by page. */
    public static <T> Iterable<T> all(Function<String, Page<T>> fetch) {
        return () -> new Iterator<>() {
            private Page<T> page = fetch.apply(null);
            private int index;

            @Override
            public boolean hasNext() {
                while (index >= page.items().size() && page.next() != null) {
                    page = fetch.apply(page.next());
                    index = 0;
                }
                return index < page.items().size();
            }

            @Override
            public T next() {
                if (!hasNext()) {
                    throw new NoSuchElementException();
                }
                return page.items().get(index++);
            }
        };
    }
}
