package io.halqe.domain.response;

import static org.assertj.core.api.Assertions.assertThat;

import io.halqe.domain.fakes.InMemoryResponses;
import io.halqe.domain.survey.QuestionType;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

class ExportResponsesTest {

    private static final Instant DAY = Instant.parse("2026-11-01T00:00:00Z");

    private final InMemoryResponses responses = new InMemoryResponses();
    private final Feed feed = new Feed();
    private final ExportResponses export = new ExportResponses(responses, feed);

    @Test
    void window_shouldHandOnEveryAnswerInTheWindowOnce_acrossPagesThatFillUp() {
        // GIVEN 250 answers a minute apart, and a draft among them
        for (int i = 0; i < 250; i++) {
            responses.insertIfAbsent(Response.received("s.r" + i, "s", 1, Map.of("nps", new Answer.Score(QuestionType.NPS, i % 11)),
                    "en", DAY.plusSeconds(60L * i)));
        }
        responses.insertIfAbsent(new Response("s.draft", "s", 1, Map.of(), "en", DAY.plusSeconds(900), ResponseStatus.DRAFT,
                null, Map.of(), null, null, false));
        // WHEN the answers from minute 10 up to minute 210 are exported by pages that take 40 answers each
        List<String> exported = new ArrayList<>();
        String after = null;
        int pages = 0;
        ExportResponses.Stop stop;
        do {
            List<String> page = new ArrayList<>();
            stop = export.window("s", DAY.plusSeconds(600), DAY.plusSeconds(60L * 210), after, answers -> {
                if (page.size() == 40) {
                    return false;
                }
                answers.forEach(answer -> page.add(answer.id()));
                return true;
            });
            exported.addAll(page);
            after = stop.afterKey();
            pages++;
        } while (stop.more());
        // THEN each of the 200 answers in the window comes once, oldest first, and the draft not at all
        assertThat(exported).hasSize(200).doesNotHaveDuplicates().first().isEqualTo("s.r10");
        assertThat(exported.getLast()).isEqualTo("s.r209");
        assertThat(exported).doesNotContain("s.draft");
        assertThat(pages).isEqualTo(5);
    }

    @Test
    void changedSince_shouldReturnWhatTheFeedNamesAfterThePosition_asStoredNow() {
        // GIVEN two answers noted in partition 3, then a third, and an answer named but since deleted
        responses.insertIfAbsent(Response.received("s.a", "s", 1, Map.of(), "en", DAY));
        responses.insertIfAbsent(Response.received("s.b", "s", 1, Map.of(), "en", DAY));
        responses.insertIfAbsent(Response.received("s.c", "s", 1, Map.of(), "en", DAY));
        new NoteChanges(feed).note(List.of(new NoteChanges.Changed("s", 3, "10", "s.a"),
                new NoteChanges.Changed("s", 3, "11", "s.b")));
        Map<Integer, String> position = export.changesFromNow("s");
        new NoteChanges(feed).note(List.of(new NoteChanges.Changed("s", 3, "12", "s.c"),
                new NoteChanges.Changed("s", 3, "13", "s.gone")));
        // WHEN the changes after the position taken between them are read
        List<String> changed = new ArrayList<>();
        ExportResponses.Stop stop = export.changedSince("s", position, answers -> {
            answers.forEach(answer -> changed.add(answer.id()));
            return true;
        });
        // THEN only the third comes, and the new position is past it
        assertThat(changed).containsExactly("s.c");
        assertThat(stop.more()).isFalse();
        assertThat(stop.position()).isEqualTo(Map.of(3, "13"));
    }

    @Test
    void note_shouldSplitABatchIntoEntriesOfAtMost25_inStreamOrder() {
        // GIVEN 60 answers of one partition, handed over out of order
        List<NoteChanges.Changed> batch = new ArrayList<>();
        for (int i = 59; i >= 0; i--) {
            batch.add(new NoteChanges.Changed("s", 0, Integer.toString(100 + i), "s.r" + i));
        }
        // WHEN noted
        new NoteChanges(feed).note(batch);
        // THEN three entries of 25, 25 and 10, each keyed by its last sequence number
        assertThat(feed.entries.get("s#0").values()).extracting(entry -> entry.responseIds().size())
                .containsExactly(25, 25, 10);
        assertThat(feed.entries.get("s#0").keySet()).containsExactly(124, 149, 159);
    }

    /** Entries per partition, ordered as the numbers are. */
    private static final class Feed implements ChangeFeed {
        final Map<String, TreeMap<Integer, Entry>> entries = new TreeMap<>();

        @Override
        public void append(String surveyId, int partition, String sequenceNumber, List<String> responseIds) {
            entries.computeIfAbsent(surveyId + "#" + partition, key -> new TreeMap<>())
                    .put(Integer.parseInt(sequenceNumber), new Entry(partition, sequenceNumber, responseIds));
        }

        @Override
        public List<Entry> after(String surveyId, Map<Integer, String> position, int limit) {
            List<Entry> after = new ArrayList<>();
            entries.forEach((key, partition) -> {
                if (key.startsWith(surveyId + "#")) {
                    int n = Integer.parseInt(key.substring(key.indexOf('#') + 1));
                    int from = position.containsKey(n) ? Integer.parseInt(position.get(n)) : -1;
                    after.addAll(partition.tailMap(from, false).values());
                }
            });
            return after;
        }

        @Override
        public Map<Integer, String> heads(String surveyId) {
            Map<Integer, String> heads = new TreeMap<>();
            entries.forEach((key, partition) -> {
                if (key.startsWith(surveyId + "#")) {
                    heads.put(Integer.parseInt(key.substring(key.indexOf('#') + 1)), partition.lastEntry().getValue().sequenceNumber());
                }
            });
            return heads;
        }
    }
}
