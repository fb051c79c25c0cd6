package io.halqe.domain.text;

import java.util.Locale;

public final class EmailAddresses {

    private EmailAddresses() {
    }

    /**
     * The form in which two addresses are the same inbox: trimmed and lower-cased. (Local parts are case-sensitive in
     * theory; no mail provider we send to treats them so, and suppressing too little is the costly mistake.)
     */
    public static String canonical(String email) {
        return email.strip().toLowerCase(Locale.ROOT);
    }
}
