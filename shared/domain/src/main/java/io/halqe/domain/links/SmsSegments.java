package io.halqe.domain.links;

/**
 * How many SMS a text takes, as carriers count them: GSM-7 texts fit 160 characters in one message and 153 in each
 * part of a longer one (the extension characters such as € and { take two); any other character (Persian, Arabic,
 * emoji) makes the whole text UCS-2, with 70 UTF-16 units in one message and 67 a part. Each part is billed.
 */
public final class SmsSegments {

    private static final String GSM_BASIC = "@£$¥èéùìòÇ\nØø\rÅåΔ_ΦΓΛΩΠΨΣΘΞÆæßÉ !\"#¤%&'()*+,-./0123456789:;<=>?"
            + "¡ABCDEFGHIJKLMNOPQRSTUVWXYZÄÖÑÜ§¿abcdefghijklmnopqrstuvwxyzäöñüà";
    private static final String GSM_EXTENSION = "^{}\\[~]|€\f";

    private SmsSegments() {
    }

    public static int count(String text) {
        int gsmLength = 0;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (GSM_BASIC.indexOf(c) >= 0) {
                gsmLength++;
            } else if (GSM_EXTENSION.indexOf(c) >= 0) {
                gsmLength += 2;
            } else {
                return parts(text.length(), 70, 67);
            }
        }
        return parts(gsmLength, 160, 153);
    }

    private static int parts(int length, int single, int perPart) {
        return length <= single ? 1 : (length + perPart - 1) / perPart;
    }
}
