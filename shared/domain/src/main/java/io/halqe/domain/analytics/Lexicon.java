package io.halqe.domain.analytics;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
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
        try (InputStream in = Lexicon.class.getClassLoader().getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("missing resource " + resource);
            }
            BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
            String section = null;
            int lineNo = 0;
            for (String line; (line = reader.readLine()) != null; ) {
                lineNo++;
                line = line.strip();
                if (line.isEmpty() || line.startsWith("#")) {
                    continue;
                }
                if (line.startsWith("[") && line.endsWith("]")) {
                    section = line.substring(1, line.length() - 1);
                    continue;
                }
                if (section == null) {
                    throw new IllegalStateException(resource + ":" + lineNo + ": text before any [section]");
                }
                lexicon.add(section, line, resource + ":" + lineNo);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
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
