package io.halqe.domain.customers;

import io.halqe.domain.core.Problem;
import io.halqe.domain.text.EmailAddresses;
import io.halqe.domain.text.PhoneNumbers;
import java.time.DateTimeException;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/** Checks a profile before it is stored: every problem, each naming its field, in the profile's field order. */
public final class CustomerValidator {

    private static final Pattern ID = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._:@-]{0,127}");
    private static final Pattern LANGUAGE = Pattern.compile("[a-z]{2,3}");
    private static final Pattern ATTRIBUTE = Pattern.compile("[A-Za-z][A-Za-z0-9_-]{0,63}");
    private static final int MAX_TEXT = 500;
    private static final int MAX_ATTRIBUTES = 50;

    private CustomerValidator() {
    }

    /** Empty when the profile may be stored. */
    public static List<Problem> problems(CustomerProfile c) {
        List<Problem> problems = new ArrayList<>();
        if (c.id() == null) {
            problems.add(new Problem("id", "is required"));
        } else if (!isId(c.id())) {
            problems.add(new Problem("id", "must be 1-128 letters, digits or . _ : @ -, or an email address or phone number"));
        }
        if (c.email() != null && !EmailAddresses.isAddress(c.email())) {
            problems.add(new Problem("email", "must be an email address"));
        }
        if (c.phone() != null && !PhoneNumbers.isE164(c.phone())) {
            problems.add(new Problem("phone", "must be an E.164 number such as +989121234567"));
        }
        if (c.accountOwner() != null && !EmailAddresses.isAddress(c.accountOwner())) {
            problems.add(new Problem("accountOwner", "must be the owner's email address"));
        }
        if (c.language() != null && !LANGUAGE.matcher(c.language()).matches()) {
            problems.add(new Problem("language", "must be a language code such as en, fa or ar"));
        }
        if (c.timeZone() != null && !isTimeZone(c.timeZone())) {
            problems.add(new Problem("timeZone", "must be a time zone such as Asia/Tehran"));
        }
        if (c.lifetimeValue() != null && (c.lifetimeValue().isNaN() || c.lifetimeValue() < 0)) {
            problems.add(new Problem("lifetimeValue", "must be a number of at least 0"));
        }
        for (String[] text : new String[][] {{"name", c.name()}, {"segment", c.segment()}, {"plan", c.plan()},
            {"region", c.region()}}) {
            if (text[1] != null && text[1].length() > MAX_TEXT) {
                problems.add(new Problem(text[0], "must be at most " + MAX_TEXT + " characters"));
            }
        }
        if (c.attributes().size() > MAX_ATTRIBUTES) {
            problems.add(new Problem("attributes", "may hold at most " + MAX_ATTRIBUTES + " fields"));
        }
        for (var entry : c.attributes().entrySet()) {
            if (!isAttributeName(entry.getKey())) {
                problems.add(new Problem("attributes." + entry.getKey(), "must be a name of letters, digits, _ or -"));
            } else if (entry.getValue() == null || entry.getValue().length() > MAX_TEXT) {
                problems.add(new Problem("attributes." + entry.getKey(), "must be a text of at most " + MAX_TEXT + " characters"));
            }
        }
        return List.copyOf(problems);
    }

    /**
     * The person an invitation or a contact check names, before anything is looked up or stored: an id the directory
     * can key, a language tag, a name of bounded length; the first problem, named under {@code prefix}.
     */
    public static java.util.Optional<Problem> checkInvited(io.halqe.domain.core.Customer c, String prefix) {
        if (c.id() != null && !isId(c.id())) {
            return java.util.Optional.of(new Problem(prefix + "id",
                    "must be 1-128 letters, digits or . _ : @ -, or an email address or phone number"));
        }
        if (c.locale() != null && !io.halqe.domain.text.LanguageTags.isTag(c.locale())) {
            return java.util.Optional.of(new Problem(prefix + "locale", "must be a language tag such as fa or fa-IR"));
        }
        if (c.name() != null && c.name().length() > MAX_TEXT) {
            return java.util.Optional.of(new Problem(prefix + "name", "must be at most " + MAX_TEXT + " characters"));
        }
        if (c.email() != null && !EmailAddresses.isAddress(c.email())) {
            return java.util.Optional.of(new Problem(prefix + "email", "must be an email address"));
        }
        if (c.phone() != null && !PhoneNumbers.isE164(c.phone())) {
            return java.util.Optional.of(new Problem(prefix + "phone", "must be an E.164 number such as +989121234567"));
        }
        return java.util.Optional.empty();
    }

    /** A CRM's id, or what {@link io.halqe.domain.core.Customer#identified()} derives when there is none. */
    private static boolean isId(String id) {
        return ID.matcher(id).matches() || EmailAddresses.isAddress(id) || PhoneNumbers.isE164(id);
    }

    static boolean isAttributeName(String name) {
        return ATTRIBUTE.matcher(name).matches();
    }

    public static boolean isTimeZone(String zone) {
        try {
            ZoneId.of(zone);
            return true;
        } catch (DateTimeException e) {
            return false;
        }
    }
}
