package io.halqe.domain.text;

/** Persian (U+06F0..) and Arabic-Indic (U+0660..) digits read as ASCII digits. */
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
}
