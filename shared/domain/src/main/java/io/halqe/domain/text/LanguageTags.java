package io.halqe.domain.text;

import java.util.Locale;

public final class LanguageTags {

    private LanguageTags() {
    }

    /** The primary language subtag, lower case: {@code fa-IR} and {@code FA_ir} are both {@code fa}; null stays null. */
    public static String primary(String tag) {
        return tag == null ? null : tag.toLowerCase(Locale.ROOT).split("[-_]")[0];
    }
}
