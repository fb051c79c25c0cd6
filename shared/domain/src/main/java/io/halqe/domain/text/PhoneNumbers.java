package io.halqe.domain.text;

import java.util.regex.Pattern;

/** Phone numbers as SMS needs them: E.164, a plus and up to 15 digits ({@code +989121234567}). */
public final class PhoneNumbers {

    private static final Pattern E164 = Pattern.compile("\\+[1-9]\\d{6,14}");

    private PhoneNumbers() {
    }

    public static boolean isE164(String text) {
        return text != null && E164.matcher(text).matches();
    }
}
