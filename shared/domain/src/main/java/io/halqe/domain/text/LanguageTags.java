package io.halqe.domain.text;

import java.util.Locale;
import java.util.regex.Pattern;

public final class LanguageTags {

    /** A BCP 47-shaped tag: a primary language subtag, then subtags joined by - or _ ({@code fa}, {@code fa-IR}). */
    private static final Pattern TAG = Pattern.compile("[A-Za-z]{2,8}([-_][A-Za-z0-9]{1,8}){0,5}");

    private LanguageTags() {
    }

    /**
     * The primary language subtag, lower case: {@code fa-IR} and {@code FA_ir} are both {@code fa}; null for null and
     * for anything that is not a language tag ({@code -}, {@code _}, {@code 12}).
     */
    public static String primary(String tag) {
        return isTag(tag) ? tag.toLowerCase(Locale.ROOT).split("[-_]")[0] : null;
    }

    public static boolean isTag(String tag) {
        return tag != null && TAG.matcher(tag).matches();
    }
}
