package io.halqe.domain.enrichment;

import java.util.Set;

/**
 * Basic signals from a comment: its language told from the script (Persian told apart from Arabic by the letters
 * only Persian uses) and its length in words.
 */
public record TextSignals(String language, int wordCount) {

    public static final String UNKNOWN = "und";
    private static final Set<Character> PERSIAN_ONLY = Set.of('پ', 'چ', 'ژ', 'گ', 'ی', 'ک', '\u06F0', '\u06F1',
            '\u06F2', '\u06F3', '\u06F4', '\u06F5', '\u06F6', '\u06F7', '\u06F8', '\u06F9');
    private static final Set<Character> ARABIC_ONLY = Set.of('ة', 'ي', 'ك', 'ى');

    public static TextSignals of(String text) {
        if (text == null || text.isBlank()) {
            return new TextSignals(UNKNOWN, 0);
        }
        int latin = 0;
        int arabicScript = 0;
        int persianMarks = 0;
        int arabicMarks = 0;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (Character.UnicodeScript.of(c) == Character.UnicodeScript.ARABIC) {
                arabicScript++;
                persianMarks += PERSIAN_ONLY.contains(c) ? 1 : 0;
                arabicMarks += ARABIC_ONLY.contains(c) ? 1 : 0;
            } else if (Character.UnicodeScript.of(c) == Character.UnicodeScript.LATIN) {
                latin++;
            }
        }
        String language = arabicScript > latin ? (persianMarks >= arabicMarks ? "fa" : "ar")
                : latin > 0 ? "en" : UNKNOWN;
        return new TextSignals(language, text.strip().split("[\\s\\u200C]+").length);
    }
}
