package io.halqe.domain.alerts;

import io.halqe.domain.core.Team;
import io.halqe.domain.text.Digits;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;

/**
 * The words of what a team reads — its alert emails, weekly digest email and chat posts — in the team's language (en,
 * fa, ar; English when unset), and their figures in that language's digits. Patterns take strings: every figure is
 * written by {@link #figure} before it goes in, so names, ids and phrases keep the digits they were written with.
 */
final class TeamTexts {

    private static final List<String> LANGUAGES = List.of("en", "fa", "ar");
    /** Per language, its words, read once from {@code alerts/team-texts-<language>.properties} (UTF-8). */
    private static final Map<String, Map<String, String>> TEXTS = load();

    private final String language;
    private final Map<String, String> texts;

    private TeamTexts(String language) {
        this.language = language != null && TEXTS.containsKey(language) ? language : "en";
        this.texts = TEXTS.get(this.language);
    }

    private static Map<String, Map<String, String>> load() {
        Map<String, Map<String, String>> texts = new HashMap<>();
        for (String language : LANGUAGES) {
            String resource = "alerts/team-texts-" + language + ".properties";
            try (InputStream in = TeamTexts.class.getClassLoader().getResourceAsStream(resource)) {
                if (in == null) {
                    throw new IllegalStateException("missing resource " + resource);
                }
                Properties read = new Properties();
                read.load(new InputStreamReader(in, StandardCharsets.UTF_8));
                Map<String, String> words = new HashMap<>();
                read.stringPropertyNames().forEach(key -> words.put(key, read.getProperty(key)));
                texts.put(language, Map.copyOf(words));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        // a word missing in one language would be written "null": every language has every English word
        for (String language : LANGUAGES) {
            if (!texts.get(language).keySet().equals(texts.get("en").keySet())) {
                throw new IllegalStateException("team-texts-" + language + " has other words than team-texts-en");
            }
        }
        return Map.copyOf(texts);
    }

    /** In the language the team reads ({@link Team#language()}), English when it has none. */
    static TeamTexts forTeam(Team team) {
        return of(team.language());
    }

    static TeamTexts of(String language) {
        return new TeamTexts(language);
    }

    /** Whether the language reads right to left. */
    boolean rightToLeft() {
        return !language.equals("en");
    }

    String get(String key) {
        return texts.get(key);
    }

    /** The pattern {@code key} filled with {@code args} (figures already written by {@link #figure}). */
    String format(String key, Object... args) {
        return texts.get(key).formatted(args);
    }

    /** A figure or a date in the language's digits. */
    String figure(String ascii) {
        return Digits.inLanguage(ascii, language);
    }

    String figure(long value) {
        return figure(Long.toString(value));
    }

    /** A whole number as it is, else one decimal (after the language's decimal separator). */
    String figure(double value) {
        return decimal(value == Math.rint(value) ? Long.toString((long) value)
                : String.format(Locale.ROOT, "%.1f", value));
    }

    /** A number written with ASCII digits and a point, in the language's digits and decimal separator. */
    String decimal(String ascii) {
        return figure(rightToLeft() ? ascii.replace('.', '\u066B') : ascii);
    }

    /** The HTML element's attributes that set the language and direction, empty for English. */
    String htmlAttributes() {
        return rightToLeft() ? " lang=\"" + language + "\" dir=\"rtl\"" : "";
    }

    /** The side a line starts on: where table headings align and a quote's bar stands. */
    String start() {
        return rightToLeft() ? "right" : "left";
    }
}
