package io.halqe.domain.customers;

import static org.assertj.core.api.Assertions.assertThat;

import io.halqe.domain.core.Problem;
import io.halqe.domain.fakes.InMemoryDirectory;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ManageCustomersTest {

    private static final Instant AT = Instant.parse("2026-11-23T10:00:00Z");
    private final InMemoryDirectory directory = new InMemoryDirectory();
    private final ManageCustomers customers = new ManageCustomers(directory);

    private static CustomerProfile profile(String id, String email, String phone, String timeZone) {
        return new CustomerProfile(id, "Sara", email, phone, null, null, null, null, null, null, timeZone, Map.of(), null);
    }

    @Test
    void importRows_shouldNameARowByItsCanonicalEmail_whenItHasNoId() {
        // GIVEN rows without an id: one with an email, one with only a phone, one with neither
        var rows = List.of(ManageCustomers.Row.of(2, profile(null, "Sara.K@Example.COM", null, null)),
                ManageCustomers.Row.of(3, profile("  ", null, "+989121234567", null)),
                ManageCustomers.Row.of(4, profile(null, null, null, null)));
        // WHEN they are imported
        var report = customers.importRows(rows, AT);
        // THEN each is named as an invitation would name it: the canonical email, else the phone
        assertThat(report.created()).isEqualTo(2);
        assertThat(directory.find("sara.k@example.com")).hasValueSatisfying(sara ->
                assertThat(sara.email()).isEqualTo("Sara.K@Example.COM"));
        assertThat(directory.find("+989121234567")).isPresent();
        // AND the row with nothing to name it by says the id is required
        assertThat(report.errors()).containsExactly(
                new ManageCustomers.RowReport(4, null, "error", "id", "id is required"));
    }

    @Test
    void importRows_shouldReportEveryProblemOfEveryRow_withItsRowIdAndField() {
        // GIVEN a good row, a row with a bad email and time zone and no id, and one with a problem met reading it
        var rows = List.of(ManageCustomers.Row.of(2, profile("c-1", "ok@example.com", null, "Asia/Tehran")),
                ManageCustomers.Row.of(3, profile(null, "Bad@@Example", null, "Mars/Olympus")),
                new ManageCustomers.Row(4, profile("c-4", null, "0912", null),
                        List.of(new Problem("lifetimeValue", "must be a number such as 1200.50"))),
                ManageCustomers.Row.unreadable(5, "line 5 is not a customer JSON object"));
        // WHEN they are imported
        var report = customers.importRows(rows, AT);
        // THEN the failed rows are counted once each, and every problem has an entry with row, id and field
        assertThat(report.rows()).isEqualTo(4);
        assertThat(report.created()).isEqualTo(1);
        assertThat(report.failed()).isEqualTo(3);
        assertThat(report.errors()).containsExactly(
                new ManageCustomers.RowReport(3, "bad@@example", "error", "email", "email must be an email address"),
                new ManageCustomers.RowReport(3, "bad@@example", "error", "timeZone",
                        "timeZone must be a time zone such as Asia/Tehran"),
                new ManageCustomers.RowReport(4, "c-4", "error", "lifetimeValue",
                        "lifetimeValue must be a number such as 1200.50"),
                new ManageCustomers.RowReport(4, "c-4", "error", "phone",
                        "phone must be an E.164 number such as +989121234567"),
                new ManageCustomers.RowReport(5, null, "error", null, "line 5 is not a customer JSON object"));
        assertThat(directory.profiles).containsOnlyKeys("c-1");
    }

    @Test
    void upsert_shouldHoldEveryProblem_andNameTheFirstForASingleAnswer() {
        // GIVEN a profile with two problems
        // WHEN it is upserted
        var outcome = customers.upsert(profile("c-1", "sara@", null, "Mars/Olympus"), AT);
        // THEN both are held, the first answers for an API that reports one, and nothing is stored
        var invalid = (ManageCustomers.Outcome.Invalid) outcome;
        assertThat(invalid.problems()).extracting(Problem::field).containsExactly("email", "timeZone");
        assertThat(invalid.problem().field()).isEqualTo("email");
        assertThat(directory.profiles).isEmpty();
    }

    @Test
    void upsert_shouldNotDeriveAnId_whenTheProfileComesFromTheApiOrTheCrm() {
        // GIVEN a profile without an id outside an import
        // WHEN it is upserted THEN the id is required: only an import's rows are named by their email
        var outcome = customers.upsert(profile(null, "sara@example.com", null, null), AT);
        assertThat(((ManageCustomers.Outcome.Invalid) outcome).problems()).containsExactly(new Problem("id", "is required"));
    }
}
