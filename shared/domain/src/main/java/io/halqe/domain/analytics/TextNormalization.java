package io.halqe.domain.analytics;

/**
 * The form comments are matched in (never the form they are stored in).
 *
 * <ul>
 *   <li>harakat (U+064B..U+065F, U+0670), Quranic marks and tatweel (U+0640) removed; combining accents dropped;</li>
 *   <li>ZWNJ (U+200C) joins: «می‌خواهم» → «میخواهم»; for Persian a detached prefix (می، نمی، بی) or suffix
 *       (ها، های، تر، ترین، ای …) is joined to its word too, so «می خواهم» is the same word;</li>
 *   <li>Persian (۰-۹) and Arabic-Indic (٠-٩) digits → ASCII;</li>
 *   <li>letters: alef with hamza or madda (أ إ آ ٱ) → ا, ة and ۀ → ه; for Persian (and any non-Arabic language)
 *       ي ى → ی and ك → ک, for Arabic ی ى → ي and ک → ك; presentation forms through NFKC;</li>
 *   <li>lower case; punctuation (including ، ؛ ؟) and symbols separate words; words joined by single spaces;
 *       apostrophes inside a word dropped (don't → dont).</li>
 * </ul>
 */
public final class TextNormalization {

    private TextNormalization() {
    }

    public static String normalize(String text, String language) {
        if (text == null || text.isEmpty()) {
            return "";
        }
        return Tokens.of(text).forLanguage(language).joined();
    }
}
