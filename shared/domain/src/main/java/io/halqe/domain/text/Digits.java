package io.halqe.domain.text;

/** Persian (U+06F0..) and Arabic-Indic (U+0660..) digits read as ASCII digits, and written for a reader. */
public final class Digits {

    private Digits() {
    }

    public static String toAscii(String value) {
        StringBuilder ascii = new StringBuilder(value.length());
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (c >= '\u06F0' && c <= '\u06F9') {
                ascii.append((char) ('0' + (c - '\u06F0')));
            } else if (c >= '\u0660' && c <= '\u0669') {
                ascii.append((char) ('0' + (c - '\u0660')));
            } else {
                ascii.append(c);
            }
        }
        return ascii.toString();
    }

    /** {@code value} with its ASCII digits as {@code language} writes them: Persian for fa, Arabic-Indic for ar. */
    public static String inLanguage(String value, String language) {
        char zero = switch (language == null ? "en" : language) {
            case "fa" -> '\u06F0';
            case "ar" -> '\u0660';
            default -> '0';
        };
        if (zero == '0') {
            return value;
        }
        StringBuilder localized = new StringBuilder(value.length());
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            localized.append(c >= '0' && c <= '9' ? (char) (zero + (c - '0')) : c);
        }
        return localized.toString();
    }
}
