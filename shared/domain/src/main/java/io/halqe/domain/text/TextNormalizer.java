package io.halqe.domain.text;

import java.text.Normalizer;

/**
 * What users type, made consistent before it is stored: Unicode NFC, line breaks as \n, other control characters
 * removed, and for Persian the Arabic forms of yeh and kaf (ي ك, which Arabic keyboards type) as Persian ی ک.
 */
public final class TextNormalizer {

    private TextNormalizer() {
    }

    public static String normalize(String text, String language) {
        if (text == null) {
            return null;
        }
        String nfc = Normalizer.normalize(text.replace("\r\n", "\n").replace('\r', '\n'), Normalizer.Form.NFC);
        StringBuilder clean = new StringBuilder(nfc.length());
        for (int i = 0; i < nfc.length(); i++) {
            char c = nfc.charAt(i);
            if (c == '\n' || c == '\t' || !(Character.isISOControl(c) || c == '\u2028' || c == '\u2029' || c == '\uFEFF')) {
                clean.append(c);
            }
        }
        String result = clean.toString().strip();
        if ("fa".equals(language)) {
            result = result.replace('\u064A', '\u06CC').replace('\u0643', '\u06A9');
        }
        return result;
    }
}
