package io.halqe.domain.analytics;

import java.util.ArrayList;
import java.util.List;

/**
 * Problem events a comment reports without any sentiment word: "the technician never showed up", «نتونستم وارد
 * بشم», «ما حد رد», "charged … twice". Complaints are mostly stories of something failing, breaking, missing, being
 * late or happening twice; their words are rarely opinion words, so they are read from patterns:
 *
 * <ul>
 *   <li>a failure marker ({@code [problem-marker]}: never, could not, won't, لم، ما، نتونستم …) and the first
 *       content word after it, within {@value #REACH} words of its clause;</li>
 *   <li>a post-posed failure marker ({@code [problem-marker-post]}: Persian نشد، نداد، نمیشه، نبود …) and the
 *       content word before it;</li>
 *   <li>an event word with its modifier in one clause ({@code [problem-pair]}: "charged" … "twice", «کم شد» …
 *       «دوبار», «انخصم» … «مرتين»), at most {@value #PAIR_DISTANCE} words apart.</li>
 * </ul>
 *
 * A marker whose content word is a sentiment term, a shielding phrase or a {@code [problem-exempt]} word ("didn't
 * [know]", "can't [wait]") finds nothing: "never had a problem",
 * «هیچ مشکلی نداشتم» are negations, which the sentiment stage weighs. Named problem events ("tore", پاره شد، تمزق)
 * are sentiment terms of the {@code [problem]} section and are not found here.
 */
final class ProblemEvents {

    /** How much one problem event weighs, like a plain negative word ("late", "wrong"). */
    static final double WEIGHT = -0.7;
    /** Content words a marker reaches, stop words not counted. */
    static final int REACH = 2;
    static final int PAIR_DISTANCE = 4;

    /** One problem event: its words from {@code start} to {@code end} (exclusive) and how it was found. */
    record Event(int start, int end, String text, String pattern) {
    }

    private ProblemEvents() {
    }

    static List<Event> find(NormalizedComment comment) {
        List<FoundTerm<CoreEntry>> terms = comment.terms();
        if (terms.isEmpty()) {
            return List.of();
        }
        Tokens words = comment.words();
        // the term covering each word, so a marker sees what its neighbours are without searching
        CoreEntry[] covering = new CoreEntry[words.size()];
        for (FoundTerm<CoreEntry> term : terms) {
            for (int k = term.start(); k < term.end(); k++) {
                covering[k] = term.payload();
            }
        }
        List<Event> events = new ArrayList<>(2);
        for (FoundTerm<CoreEntry> term : terms) {
            int marker = term.payload().problemMarker;
            if ((marker & CoreEntry.PRE) != 0) {
                int word = contentWord(comment, covering, term.end(), +1, words.clause(term.start()));
                if (word >= 0) {
                    events.add(new Event(term.start(), word + 1, words.words(term.start(), word + 1), "marker"));
                    continue;
                }
            }
            if ((marker & CoreEntry.POST) != 0) {
                int word = contentWord(comment, covering, term.start() - 1, -1, words.clause(term.start()));
                if (word >= 0) {
                    events.add(new Event(word, term.end(), words.words(word, term.end()), "marker"));
                }
            }
        }
        findPairs(comment, events);
        return events;
    }

    /**
     * The first content word from {@code from} in direction {@code step} within the clause, or -1 when there is
     * none within reach or it belongs to a sentiment term, a negator or another marker (the negation is the
     * sentiment stage's to weigh).
     */
    private static int contentWord(NormalizedComment comment, CoreEntry[] covering, int from, int step, int clause) {
        Tokens words = comment.words();
        int seen = 0;
        for (int k = from; k >= 0 && k < words.size() && words.clause(k) == clause && seen < REACH; k += step) {
            CoreEntry entry = covering[k];
            if (entry != null && (entry.hasSentimentRole() || entry.negator != 0 || entry.problemMarker != 0
                    || entry.problemExempt)) {
                return -1;
            }
            if (entry == null && comment.isStopword(k) || entry != null && entry.intensifier != 0) {
                continue; // "never even [showed up]", «کسی هم [خبر] نداد»
            }
            seen++;
            if (!Character.isDigit(words.word(k).charAt(0))) {
                return k;
            }
        }
        return -1;
    }

    private static void findPairs(NormalizedComment comment, List<Event> events) {
        Tokens words = comment.words();
        List<FoundTerm<CoreEntry>> terms = comment.terms();
        for (FoundTerm<CoreEntry> event : terms) {
            long bits = event.payload().pairEvent;
            if (bits == 0) {
                continue;
            }
            for (FoundTerm<CoreEntry> modifier : terms) {
                if ((modifier.payload().pairModifier & bits) == 0
                        || words.clause(modifier.start()) != words.clause(event.start())) {
                    continue;
                }
                int gap = modifier.start() >= event.end() ? modifier.start() - event.end()
                        : event.start() - modifier.end();
                if (gap >= 0 && gap <= PAIR_DISTANCE) {
                    int start = Math.min(event.start(), modifier.start());
                    int end = Math.max(event.end(), modifier.end());
                    events.add(new Event(start, end, event.text() + " … " + modifier.text(), "pair"));
                    break;
                }
            }
        }
    }
}
