package io.halqe.domain.analytics;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * One language's word lists, read from {@code analytics/lexicon-<lang>.txt}: UTF-8 lines under {@code [section]}
 * headers, {@code #} comments. Sections: {@code sentiment} and {@code intensifier} ("weight term…"),
 * {@code negator} (negates what follows), {@code negator-post} (negates what precedes), {@code contrast},
 * {@code bug}, {@code suggestion}, {@code question} (anywhere), {@code question-start} (at the start of a sentence)
 * — one term per line — and {@code stopwords} and {@code foreign-stopwords} (many words per line).
 *
 * <p>Complaint reading adds {@code problem} ("weight term": a sentiment term that names a problem event),
 * {@code problem-marker} and {@code problem-marker-post} (failure markers: the content word after, or before, them
 * is a problem event — see {@link ProblemEvents}), {@code problem-pair} ("event, event | modifier, modifier": an
 * event word with a modifier in its clause is a problem, "charged … twice"), {@code problem-exempt} (words a marker
 * never makes a problem of: "can't [wait]", "didn't [know]"), {@code lukewarm} (pulls its sentence
 * towards neutral), {@code concessive} ("although": its own clause counts less) and {@code topic} ("about",
 * درباره, بخصوص, "without", "when": what follows is what a contact or question was about, what something lacked,
 * or when it happened) — one term per line.
 */
final class Lexicon {

    final String language;
    final PhraseIndex<CoreEntry> index;
    final Set<String> stopwords = new HashSet<>();
    /** Contrast words and phrases ("but", «إلا أن»), each as its normalized words. */
    final List<String[]> contrast = new ArrayList<>();
    /** Single-word negators: a sentiment phrase that starts with one ("not great") is itself a negation. */
    final Set<String> negatorWords = new HashSet<>();
    private int pairs;
    /** Common words of other languages written in the same script (en: French, Spanish, German …). */
    final Set<String> foreignStopwords = new HashSet<>();

    private Lexicon(String language) {
        this.language = language;
        this.index = new PhraseIndex<>(language);
    }

    static Lexicon load(String language) {
        Lexicon lexicon = new Lexicon(language);
        String resource = "analytics/lexicon-" + language + ".txt";
        String section = null;
        for (ResourceLines.Line line : ResourceLines.read(resource)) {
            String text = line.text();
            if (text.startsWith("[") && text.endsWith("]")) {
                section = text.substring(1, text.length() - 1);
                continue;
            }
            if (section == null) {
                throw new IllegalStateException(resource + ":" + line.number() + ": text before any [section]");
            }
            lexicon.add(section, text, resource + ":" + line.number());
        }
        return lexicon;
    }

    private void add(String section, String line, String where) {
        switch (section) {
            case "stopwords" -> addWords(stopwords, line);
            case "foreign-stopwords" -> addWords(foreignStopwords, line);
            case "contrast" -> contrast.add(TextNormalization.normalize(line, language).split(" "));
            case "problem-marker", "problem-marker-post" -> {
                CoreEntry entry = new CoreEntry();
                entry.problemMarker = section.equals("problem-marker") ? CoreEntry.PRE : CoreEntry.POST;
                put(line, entry, true);
            }
            case "problem-pair" -> addPair(line, where);
            case "problem-exempt" -> {
                CoreEntry entry = new CoreEntry();
                entry.problemExempt = true;
                put(line, entry, false);
            }
            case "lukewarm" -> {
                CoreEntry entry = new CoreEntry();
                entry.lukewarm = true;
                put(line, entry, false);
            }
            case "concessive" -> {
                CoreEntry entry = new CoreEntry();
                entry.concessive = true;
                put(line, entry, true);
            }
            case "topic" -> {
                CoreEntry entry = new CoreEntry();
                entry.topic = true;
                put(line, entry, true);
            }
            case "sentiment", "intensifier", "problem" -> {
                int space = line.indexOf(' ');
                if (space < 0) {
                    throw new IllegalStateException(where + ": expected 'weight term'");
                }
                double weight = Double.parseDouble(line.substring(0, space));
                CoreEntry entry = new CoreEntry();
                if (!section.equals("intensifier")) {
                    entry.sentiment = weight;
                    entry.problem = section.equals("problem");
                } else {
                    entry.intensifier = weight;
                }
                put(line.substring(space + 1), entry, section.equals("intensifier"));
            }
            case "negator", "negator-post" -> {
                CoreEntry entry = new CoreEntry();
                entry.negator = section.equals("negator") ? CoreEntry.PRE : CoreEntry.POST;
                put(line, entry, true);
                String normalized = TextNormalization.normalize(line, language);
                if (section.equals("negator") && normalized.indexOf(' ') < 0) {
                    negatorWords.add(normalized);
                }
            }
            case "bug", "suggestion", "question" -> {
                CoreEntry entry = new CoreEntry();
                entry.cue = FeedbackType.fromWire(section);
                put(line, entry, false);
            }
            case "question-start" -> {
                CoreEntry entry = new CoreEntry();
                entry.questionAtStart = true;
                put(line, entry, true);
            }
            default -> throw new IllegalStateException(where + ": unknown section [" + section + "]");
        }
    }

    /** "charged, billed | twice, two times": one pair id, its bit set on the event and on the modifier terms. */
    private void addPair(String line, String where) {
        int bar = line.indexOf('|');
        if (bar < 0 || pairs >= Long.SIZE) {
            throw new IllegalStateException(where + ": expected 'event, event | modifier, modifier' (at most 64)");
        }
        long bit = 1L << pairs++;
        for (String event : line.substring(0, bar).split(",")) {
            CoreEntry entry = new CoreEntry();
            entry.pairEvent = bit;
            put(event.strip(), entry, false);
        }
        for (String modifier : line.substring(bar + 1).split(",")) {
            CoreEntry entry = new CoreEntry();
            entry.pairModifier = bit;
            put(modifier.strip(), entry, false);
        }
    }

    /** Where a contrast word or phrase starts, by word: a new clause starts there. */
    boolean[] contrastStarts(Tokens words) {
        boolean[] starts = new boolean[words.size()];
        for (int i = 0; i < words.size(); i++) {
            for (String[] phrase : contrast) {
                if (startsAt(phrase, words, i)) {
                    starts[i] = true;
                    break;
                }
            }
        }
        return starts;
    }

    private static boolean startsAt(String[] phrase, Tokens words, int i) {
        if (i + phrase.length > words.size()) {
            return false;
        }
        for (int k = 0; k < phrase.length; k++) {
            if (!phrase[k].equals(words.word(i + k))) {
                return false;
            }
        }
        return true;
    }

    private void put(String term, CoreEntry entry, boolean exactOnly) {
        index.put(TextNormalization.normalize(term, language), language, entry, CoreEntry::merge, exactOnly);
    }

    /**
     * Each word on its own: normalizing the whole line would join Persian affix-like words to their neighbours
     * («می از» → «میاز»), and «از» would be lost as a stop word.
     */
    private void addWords(Set<String> target, String line) {
        for (String raw : line.split("\\s+")) {
            String word = TextNormalization.normalize(raw, language);
            if (!word.isEmpty() && word.indexOf(' ') < 0) {
                target.add(word);
            }
        }
    }
}
