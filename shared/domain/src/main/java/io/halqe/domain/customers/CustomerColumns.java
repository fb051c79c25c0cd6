package io.halqe.domain.customers;

import io.halqe.domain.core.Problem;
import io.halqe.domain.text.LanguageTags;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * What the columns of a customer spreadsheet mean, read from its header. A header names a profile field whatever its
 * case, spaces and punctuation ({@code E-mail}, {@code Email Address} and {@code email_address} are all the email),
 * under the names CRMs and survey tools export; {@code First Name} and {@code Last Name} join into the name; any other
 * column is a free-form attribute. Delighted's people and responses exports map over (their rows have no id: the
 * import names them by their email; a responses export's answer columns are left out by the caller).
 */
public final class CustomerColumns {

    private static final String FIRST_NAME = "firstName";
    private static final String LAST_NAME = "lastName";
    private static final String ATTRIBUTE = "attributes.";
    private static final int MAX_ATTRIBUTE_NAME = 64;

    /** Normalised header → what it fills: a profile field, a part of the name, or a well-known attribute. */
    private static final Map<String, String> ALIASES = aliases(Map.ofEntries(
            Map.entry("id", List.of("id", "customerid", "externalid", "crmid", "contactid", "userid", "clientid")),
            Map.entry("name", List.of("name", "fullname", "customername", "contactname", "displayname")),
            Map.entry(FIRST_NAME, List.of("firstname", "givenname")),
            Map.entry(LAST_NAME, List.of("lastname", "surname", "familyname")),
            Map.entry("email", List.of("email", "emailaddress", "customeremail", "contactemail")),
            Map.entry("phone", List.of("phone", "phonenumber", "mobile", "mobilephone", "mobilenumber", "cellphone",
                    "telephone")),
            Map.entry("segment", List.of("segment", "customersegment")),
            Map.entry("plan", List.of("plan", "planname", "subscriptionplan")),
            Map.entry("lifetimeValue", List.of("lifetimevalue", "ltv", "clv", "customerlifetimevalue")),
            Map.entry("region", List.of("region", "territory")),
            Map.entry("accountOwner", List.of("accountowner", "owner", "owneremail", "accountowneremail",
                    "accountmanager")),
            Map.entry("language", List.of("language", "lang", "locale", "preferredlanguage")),
            Map.entry("timeZone", List.of("timezone", "tz")),
            Map.entry("updatedAt", List.of("updatedat", "lastupdated", "lastmodified")),
            Map.entry(ATTRIBUTE + "company", List.of("company", "companyname", "organization", "organisation"))));

    /** Per column, what it fills ({@link #ALIASES}' targets or an attribute), or null for a column left out. */
    private final List<String> targets;

    private CustomerColumns(List<String> targets) {
        this.targets = targets;
    }

    public static CustomerColumns of(List<String> header) {
        return of(header, Set.of());
    }

    /**
     * {@code leftOut}: the columns (their {@link #normalised} names) that describe something else than the person —
     * a responses export's answer columns ({@code DelightedColumns}): a long comment would fail the row as an
     * attribute, and the answer's Updated At would pose as the profile's.
     */
    public static CustomerColumns of(List<String> header, Set<String> leftOut) {
        List<String> normalised = header.stream().map(CustomerColumns::normalised).toList();
        List<String> targets = new ArrayList<>();
        for (int i = 0; i < header.size(); i++) {
            String column = normalised.get(i);
            if (column.isEmpty() || leftOut.contains(column)) {
                targets.add(null);
            } else {
                targets.add(ALIASES.getOrDefault(column, ATTRIBUTE + attributeName(header.get(i).strip())));
            }
        }
        return new CustomerColumns(targets);
    }

    /** The profile in one row's cells, with what could not be read (the row number is the spreadsheet's). */
    public ManageCustomers.Row row(int number, List<String> cells) {
        Map<String, String> fields = new HashMap<>();
        Map<String, String> attributes = new LinkedHashMap<>();
        List<Problem> problems = new ArrayList<>();
        for (int i = 0; i < cells.size(); i++) {
            String value = cells.get(i) == null || cells.get(i).isBlank() ? null : cells.get(i).strip();
            if (value == null) {
                continue;
            }
            if (i >= targets.size()) {
                problems.add(new Problem(null, "a value in column " + (i + 1) + " has no header"));
                break;
            }
            String target = targets.get(i);
            if (target != null && target.startsWith(ATTRIBUTE)) {
                attributes.putIfAbsent(target.substring(ATTRIBUTE.length()), value);
            } else if (target != null) {
                fields.putIfAbsent(target, value);
            }
        }
        return new ManageCustomers.Row(number, new CustomerProfile(fields.get("id"), name(fields), fields.get("email"),
                phone(fields.get("phone")), fields.get("segment"), fields.get("plan"), lifetimeValue(fields, problems),
                fields.get("region"), fields.get("accountOwner"), LanguageTags.primary(fields.get("language")),
                fields.get("timeZone"), attributes, updatedAt(fields, problems)), problems);
    }

    private static String name(Map<String, String> fields) {
        if (fields.containsKey("name")) {
            return fields.get("name");
        }
        String joined = String.join(" ", fields.getOrDefault(FIRST_NAME, ""), fields.getOrDefault(LAST_NAME, "")).strip();
        return joined.isEmpty() ? null : joined;
    }

    /** Spreadsheets write numbers for people to read: {@code +98 912 123-4567} is {@code +989121234567}. */
    private static String phone(String written) {
        return written == null ? null : written.replaceAll("[\\s().-]", "");
    }

    private static Double lifetimeValue(Map<String, String> fields, List<Problem> problems) {
        String value = fields.get("lifetimeValue");
        try {
            return value == null ? null : Double.valueOf(value);
        } catch (NumberFormatException e) {
            problems.add(new Problem("lifetimeValue", "must be a number such as 1200.50"));
            return null;
        }
    }

    private static Instant updatedAt(Map<String, String> fields, List<Problem> problems) {
        String value = fields.get("updatedAt");
        try {
            return value == null ? null : Instant.parse(value);
        } catch (DateTimeParseException e) {
            problems.add(new Problem("updatedAt", "must be an ISO-8601 instant such as 2026-11-20T08:00:00Z"));
            return null;
        }
    }

    /** Lower case, letters and digits only: {@code E-mail Address} → {@code emailaddress}. */
    public static String normalised(String header) {
        return header == null ? "" : header.toLowerCase(Locale.ROOT).replaceAll("[^\\p{L}\\p{N}]", "");
    }

    /**
     * A header that is a valid attribute name stays as it is; another ({@code Response ID}) becomes one in snake
     * case, so one header does not fail every row. One that cannot ({@code شهر}) stays, and its rows say why.
     */
    private static String attributeName(String header) {
        if (CustomerValidator.isAttributeName(header)) {
            return header;
        }
        String snake = header.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "_").replaceAll("^_+|_+$", "");
        snake = snake.substring(0, Math.min(snake.length(), MAX_ATTRIBUTE_NAME)).replaceAll("_+$", "");
        return CustomerValidator.isAttributeName(snake) ? snake : header;
    }

    private static Map<String, String> aliases(Map<String, List<String>> namesByTarget) {
        Map<String, String> byName = new HashMap<>();
        namesByTarget.forEach((target, names) -> names.forEach(name -> byName.put(name, target)));
        return Map.copyOf(byName);
    }
}
