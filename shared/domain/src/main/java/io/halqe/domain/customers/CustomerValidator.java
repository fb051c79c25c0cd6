package io.halqe.domain.customers;

import io.halqe.domain.core.Problem;
import java.time.DateTimeException;
import java.time.ZoneId;
import java.util.Optional;
import java.util.regex.Pattern;

/** Checks a profile before it is stored; the first problem names its field. */
public final class CustomerValidator {


    private static final Pattern ID = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._:@-]{0,127}");
    private static final Pattern EMAIL = Pattern.compile("[^@\\s]{1,64}@[^@\\s]{1,253}\\.[^@\\s]{2,63}");
    private static final Pattern PHONE = Pattern.compile("\\+[1-9]\\d{6,14}");
    private static final Pattern LANGUAGE = Pattern.compile("[a-z]{2,3}");
    private static final Pattern ATTRIBUTE = Pattern.compile("[A-Za-z][A-Za-z0-9_-]{0,63}");
    private static final int MAX_TEXT = 500;
    private static final int MAX_ATTRIBUTES = 50;

    private CustomerValidator() {
    }

    public static Optional<Problem> check(CustomerProfile c) {
        if (c.id() == null || !ID.matcher(c.id()).matches()) {
            return problem("id", "must be 1-128 letters, digits or . _ : @ -");
        }
        if (c.email() != null && !EMAIL.matcher(c.email()).matches()) {
            return problem("email", "must be an email address");
        }
        if (c.phone() != null && !PHONE.matcher(c.phone()).matches()) {
            return problem("phone", "must be an E.164 number such as +989121234567");
        }
        if (c.accountOwner() != null && !EMAIL.matcher(c.accountOwner()).matches()) {
            return problem("accountOwner", "must be the owner's email address");
        }
        if (c.language() != null && !LANGUAGE.matcher(c.language()).matches()) {
            return problem("language", "must be a language code such as en, fa or ar");
        }
        if (c.timeZone() != null) {
            try {
                ZoneId.of(c.timeZone());
            } catch (DateTimeException e) {
                return problem("timeZone", "must be a time zone such as Asia/Tehran");
            }
        }
        if (c.lifetimeValue() != null && (c.lifetimeValue().isNaN() || c.lifetimeValue() < 0)) {
            return problem("lifetimeValue", "must be a number of at least 0");
        }
        for (String[] text : new String[][] {{"name", c.name()}, {"segment", c.segment()}, {"plan", c.plan()},
            {"region", c.region()}}) {
            if (text[1] != null && text[1].length() > MAX_TEXT) {
                return problem(text[0], "must be at most " + MAX_TEXT + " characters");
            }
        }
        if (c.attributes().size() > MAX_ATTRIBUTES) {
            return problem("attributes", "may hold at most " + MAX_ATTRIBUTES + " fields");
        }
        for (var entry : c.attributes().entrySet()) {
            if (!ATTRIBUTE.matcher(entry.getKey()).matches()) {
                return problem("attributes." + entry.getKey(), "must be a name of letters, digits, _ or -");
            }
            if (entry.getValue() == null || entry.getValue().length() > MAX_TEXT) {
                return problem("attributes." + entry.getKey(), "must be a text of at most " + MAX_TEXT + " characters");
            }
        }
        return Optional.empty();
    }

    private static Optional<Problem> problem(String field, String message) {
        return Optional.of(new Problem(field, message));
    }
}
