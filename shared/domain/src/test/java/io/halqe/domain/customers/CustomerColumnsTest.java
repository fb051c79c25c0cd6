package io.halqe.domain.customers;

import static org.assertj.core.api.Assertions.assertThat;

import io.halqe.domain.core.Problem;
import io.halqe.domain.migration.DelightedColumns;
import io.halqe.domain.fakes.InMemoryDirectory;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.junit.jupiter.api.Test;

class CustomerColumnsTest {

    private static final Instant AT = Instant.parse("2026-11-23T10:00:00Z");

    private static CustomerProfile read(String header, String cells) {
        return CustomerColumns.of(Arrays.asList(header.split(",", -1)))
                .row(2, Arrays.asList(cells.split(",", -1))).profile();
    }

    @Test
    void row_shouldFillTheProfileField_whenTheHeaderIsACommonAliasInAnyCaseOrPunctuation() {
        // GIVEN headers as CRMs and spreadsheets write them, each with the profile field it names
        Map<String, Function<CustomerProfile, Object>> fieldByHeader = Map.ofEntries(
                Map.entry("E-mail", CustomerProfile::email), Map.entry("Email Address", CustomerProfile::email),
                Map.entry("email_address", CustomerProfile::email), Map.entry("Customer ID", CustomerProfile::id),
                Map.entry("customer_id", CustomerProfile::id), Map.entry("External ID", CustomerProfile::id),
                Map.entry("Id", CustomerProfile::id), Map.entry("Phone Number", CustomerProfile::phone),
                Map.entry("Mobile", CustomerProfile::phone), Map.entry("Full Name", CustomerProfile::name),
                Map.entry("Time Zone", CustomerProfile::timeZone), Map.entry("tz", CustomerProfile::timeZone),
                Map.entry("SEGMENT", CustomerProfile::segment), Map.entry("Plan", CustomerProfile::plan),
                Map.entry("Region", CustomerProfile::region), Map.entry("Owner", CustomerProfile::accountOwner),
                Map.entry("Account Owner", CustomerProfile::accountOwner),
                Map.entry("Company", profile -> profile.attributes().get("company")));
        fieldByHeader.forEach((header, field) -> {
            // WHEN a row is read under that header
            CustomerProfile profile = read(header, "+989121234567");
            // THEN the value fills the field, not an attribute named after the header
            assertThat(field.apply(profile)).as(header).isEqualTo("+989121234567");
            assertThat(profile.attributes()).as(header).doesNotContainKey(header);
        });
    }

    @Test
    void row_shouldTakeTheLanguageOfALocale_andWritePhonesAsE164_andKeepOtherColumnsAsAttributes() {
        // GIVEN a locale, a phone written for people and a column that is no profile field
        CustomerProfile profile = read("Lang,Mobile,Locale,industry,Shoe Size",
                ",+98 (912) 123-4567,fa_IR,retail,40");
        // THEN the locale's language is the language, the phone is E.164, and the rest are attributes
        assertThat(profile.language()).isEqualTo("fa");
        assertThat(profile.phone()).isEqualTo("+989121234567");
        assertThat(profile.attributes()).containsOnly(Map.entry("industry", "retail"), Map.entry("shoe_size", "40"));
    }

    @Test
    void row_shouldJoinFirstAndLastName_whenThereIsNoFullName() {
        // GIVEN first and last names, alone or with a full name
        // WHEN rows are read THEN the name is joined, a lone part is the name, and a full name wins
        assertThat(read("First Name,Last Name", "Sara,Karimi").name()).isEqualTo("Sara Karimi");
        assertThat(read("first_name,surname", ",Karimi").name()).isEqualTo("Karimi");
        assertThat(read("First Name,Last Name,Name", "Sara,Karimi,Dr Sara Karimi").name()).isEqualTo("Dr Sara Karimi");
    }

    @Test
    void row_shouldReportEveryCellItCannotRead_andStillReadTheRest() {
        // GIVEN a row with a lifetime value and an update time that are neither, and a value past the last column
        var row = CustomerColumns.of(List.of("id", "LTV", "Last Updated", "name"))
                .row(7, List.of("c-7", "lots", "yesterday", "Sara", "stray"));
        // WHEN it is read THEN each is a problem naming its field, and the readable cells fill the profile
        assertThat(row.number()).isEqualTo(7);
        assertThat(row.problems()).extracting(Problem::describe).containsExactly("a value in column 5 has no header",
                "lifetimeValue must be a number such as 1200.50",
                "updatedAt must be an ISO-8601 instant such as 2026-11-20T08:00:00Z");
        assertThat(row.profile().id()).isEqualTo("c-7");
        assertThat(row.profile().name()).isEqualTo("Sara");
    }

    @Test
    void delightedPeopleExport_shouldMapOver_whenItsPeopleAreNamedByTheirEmail() {
        // GIVEN a Delighted people export: no id column, a phone_number, and Delighted's own dates and properties
        CustomerColumns columns = CustomerColumns.of(List.of("email", "name", "phone_number", "created_at",
                "last_sent_at", "last_responded_at", "Delighted Source", "Customer Tier"));
        var rows = List.of(
                columns.row(2, List.of("Sara.Karimi@Example.com", "Sara Karimi", "+989121234567",
                        "2026-01-05T09:00:00Z", "2026-10-01T09:00:00Z", "", "Email", "gold")),
                columns.row(3, List.of("omar@example.com", "Omar", "", "2026-02-01T09:00:00Z", "", "", "Web", "")));
        // WHEN it is imported
        var directory = new InMemoryDirectory();
        var report = new ManageCustomers(directory).importRows(rows, AT);
        // THEN every person is created under their canonical email, with the export's other columns as attributes
        assertThat(report.created()).isEqualTo(2);
        assertThat(report.errors()).isEmpty();
        assertThat(directory.find("sara.karimi@example.com")).hasValueSatisfying(sara -> {
            assertThat(sara.name()).isEqualTo("Sara Karimi");
            assertThat(sara.phone()).isEqualTo("+989121234567");
            assertThat(sara.attributes()).containsEntry("created_at", "2026-01-05T09:00:00Z")
                    .containsEntry("delighted_source", "Email").containsEntry("customer_tier", "gold");
        });
        assertThat(directory.find("omar@example.com")).isPresent();
    }

    @Test
    void delightedResponsesExport_shouldMapItsPeopleOver_andLeaveEachAnswersOwnColumnsOut() {
        // GIVEN a Delighted responses export: one answer a row, its Response ID no customer id, a long comment
        List<String> header = List.of("Response ID", "Score", "Comment", "Email", "Name", "Created At", "Updated At",
                "Permalink", "Tags", "Notes", "Country");
        CustomerColumns columns = CustomerColumns.of(header, DelightedColumns.answerColumns(header));
        var rows = List.of(
                columns.row(2, List.of("4401", "3", "x".repeat(800), "sara@example.com", "Sara",
                        "2026-11-01 09:00:00 UTC", "2026-11-02 10:00:00 UTC", "https://delighted.com/r/a", "late", "",
                        "IR")),
                columns.row(3, List.of("4402", "9", "Fast!", "omar@example.com", "Omar", "2026-11-03 09:00:00 UTC", "",
                        "https://delighted.com/r/b", "", "", "AE")));
        // WHEN it is imported
        var directory = new InMemoryDirectory();
        var report = new ManageCustomers(directory).importRows(rows, AT);
        // THEN each person is created under their email, with the person's columns only
        assertThat(report.errors()).isEmpty();
        assertThat(report.created()).isEqualTo(2);
        assertThat(directory.find("sara@example.com")).hasValueSatisfying(sara -> {
            assertThat(sara.id()).isEqualTo("sara@example.com");
            assertThat(sara.name()).isEqualTo("Sara");
            assertThat(sara.attributes()).containsExactly(Map.entry("Country", "IR"));
            assertThat(sara.updatedAt()).isEqualTo(AT);
        });
    }
}
