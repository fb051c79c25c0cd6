package io.halqe.domain.analytics;

/**
 * How many letters of each script a comment has, and the letters that tell Persian from Arabic: the evidence
 * {@link LanguageDetector} starts from.
 *
 * @param latin        Latin letters
 * @param arabic       Arabic-script letters (Persian and Arabic alike)
 * @param other        letters of any other script
 * @param otherScript  the most frequent of those other scripts; null when there is none
 * @param persianOnly  پ چ ژ گ, which Arabic does not use
 * @param persianForms the Persian forms ی ک
 * @param arabicForms  the Arabic forms ي ك
 * @param arabicOnly   ة ى, which Persian does not use
 * @param hamzaAlef    أ إ
 * @param zwnj         zero-width non-joiners, common in Persian
 */
record ScriptCounts(int latin, int arabic, int other, Character.UnicodeScript otherScript, int persianOnly,
                    int persianForms, int arabicForms, int arabicOnly, int hamzaAlef, int zwnj) {

    /** Counts while a text is read character by character. */
    static final class Counter {
        private static final Character.UnicodeScript[] SCRIPTS = Character.UnicodeScript.values();

        private int latin;
        private int arabic;
        private int other;
        private int[] otherByScript;
        private int persianOnly;
        private int persianForms;
        private int arabicForms;
        private int arabicOnly;
        private int hamzaAlef;
        private int zwnj;

        void zwnj() {
            zwnj++;
        }

        void letter(int cp) {
            if (cp < 0x0250) {
                latin++;
            } else if (Tokens.isArabicScript(cp)) {
                arabic++;
                switch (cp) {
                    case 0x067E, 0x0686, 0x0698, 0x06AF -> persianOnly++;
                    case 0x06CC, 0x06A9 -> persianForms++;
                    case 0x064A, 0x0643 -> arabicForms++;
                    case 0x0629, 0x0649 -> arabicOnly++;
                    case 0x0623, 0x0625 -> hamzaAlef++;
                    default -> { }
                }
            } else {
                Character.UnicodeScript script = Character.UnicodeScript.of(cp);
                if (script == Character.UnicodeScript.LATIN) {
                    latin++;
                } else {
                    other++;
                    if (otherByScript == null) {
                        otherByScript = new int[SCRIPTS.length];
                    }
                    otherByScript[script.ordinal()]++;
                }
            }
        }

        ScriptCounts counts() {
            return new ScriptCounts(latin, arabic, other, mostFrequentOtherScript(), persianOnly, persianForms,
                    arabicForms, arabicOnly, hamzaAlef, zwnj);
        }

        private Character.UnicodeScript mostFrequentOtherScript() {
            if (otherByScript == null) {
                return null;
            }
            int best = 0;
            for (int s = 1; s < otherByScript.length; s++) {
                if (otherByScript[s] > otherByScript[best]) {
                    best = s;
                }
            }
            return SCRIPTS[best];
        }
    }
}
