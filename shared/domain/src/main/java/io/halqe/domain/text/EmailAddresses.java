package io.halqe.domain.text;

import java.util.Locale;
import java.util.regex.Pattern;

public final class EmailAddresses {

    private static final Pattern ADDRESS = Pattern.compile("[^@\\s]{1,64}@[^@\\s]{1,253}\\.[^@\\s]{2,63}");

    private EmailAddresses() {
    }

    /** Whether {@code text} looks like one email address (what every input that takes one accepts). */
    public static boolean isAddress(String text) {
        return text != null && ADDRESS.matcher(text).matches();
    }

    /**
     * The form in which two addresses are the same inbox: trimmed and lower-cased. (Local parts are case-sensitive in
     * theory; no mail provider we send to treats them so, and suppressing too little is the costly mistake.)
     */
    public static String canonical(String email) {
        return email.strip().toLowerCase(Locale.ROOT);
    }
}
