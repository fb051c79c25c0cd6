package io.halqe.domain.analytics;

import java.util.HashSet;
import java.util.Set;

/**
 * One language's word lists, read from {@code analytics/lexicon-<lang>.txt}: UTF-8 lines under {@code [section]}
 * headers, {@code #} comments. Sections: {@code sentiment} and {@code intensifier} ("weight term…"),
 * {@code negator} (negates what follows), {@code negator-post} (negates what precedes), {@code contrast},
 * {@code bug}, {@code suggestion}, {@code question} (anywhere), {@code question-start} (at the start of a sentence)
 * — one term per line — and {@code stopwords} and {@code foreign-stopwords} (many words per line).
 */
final class Lexicon {

    final String language;
    final PhraseIndex<CoreEntry> index;
    final Set<String> stopwords = new HashSet<>();
    final Set<String> contrast = new HashSet<>();
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
            case "contrast" -> contrast.add(TextNormalization.normalize(line, language));
            case "sentiment", "intensifier" -> {
                int space = line.indexOf(' ');
                if (space < 0) {
                    throw new IllegalStateException(where + ": expected 'weight term'");
                }
                double weight = Double.parseDouble(line.substring(0, space));
                CoreEntry entry = new CoreEntry();
                if (section.equals("sentiment")) {
                    entry.sentiment = weight;
                } else {
                    entry.intensifier = weight;
                }
                put(line.substring(space + 1), entry, section.equals("intensifier"));
            }
            case "negator", "negator-post" -> {
                CoreEntry entry = new CoreEntry();
                entry.negator = section.equals("negator") ? CoreEntry.PRE : CoreEntry.POST;
                put(line, entry, true);
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

    private void put(String term, CoreEntry entry, boolean exactOnly) {
        index.put(TextNormalization.normalize(term, language), language, entry, CoreEntry::merge, exactOnly);
    }

    private void addWords(Set<String> target, String line) {
        for (String word : TextNormalization.normalize(line, language).split(" ")) {
            if (!word.isEmpty()) {
                target.add(word);
            }
        }
    }
}
