package io.halqe.local.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.ByteArrayOutputStream;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/**
 * Importing the files people have: from an empty local cloud, with documented calls only, an Excel "CSV UTF-8" file
 * and a Delighted people export become customers, and a bad row comes back with every one of its problems.
 */
class CustomerImportIT extends LocalCloudProcess {

    private static final byte[] BYTE_ORDER_MARK = {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF};

    private static JsonNode importCsv(byte[] file) throws Exception {
        HttpResponse<String> imported = send(HttpRequest.newBuilder(base.resolve("/api/customers/import"))
                .header("authorization", "Bearer " + KEY).header("content-type", "text/csv; charset=utf-8")
                .POST(HttpRequest.BodyPublishers.ofByteArray(file)));
        assertThat(imported.statusCode()).as(imported.body()).isEqualTo(200);
        return JSON.readTree(imported.body());
    }

    private static int customerStatus(String id) throws Exception {
        return send(HttpRequest.newBuilder(base.resolve("/api/customers/" + id))
                .header("authorization", "Bearer " + KEY)).statusCode();
    }

    @Test
    void excelCsvUtf8_shouldImportItsPeople_andReportBothProblemsOfItsBadRow() throws Exception {
        // GIVEN a directory that knows none of the people in the file
        assertThat(customerStatus("c-101")).isEqualTo(404);
        assertThat(customerStatus("omar@example.com")).isEqualTo(404);
        // WHEN an Excel "CSV UTF-8" file is imported: a byte-order mark, CRLF, capitalised headers, one row without
        // an id, and one row with a bad email and a bad time zone
        ByteArrayOutputStream file = new ByteArrayOutputStream();
        file.writeBytes(BYTE_ORDER_MARK);
        file.writeBytes("""
                Email,Name,Customer ID,Time Zone,Plan\r
                sara@example.com,سارا کریمی,c-101,Asia/Tehran,pro\r
                Omar@Example.com,Omar,,Asia/Dubai,\r
                not-an-email,Bad Row,c-103,Mars/Olympus,basic\r
                """.getBytes(StandardCharsets.UTF_8));
        JsonNode report = importCsv(file.toByteArray());
        // THEN the report counts the rows and lists each problem of the bad row with its row, id and field
        assertThat(report.get("rows").asInt()).isEqualTo(3);
        assertThat(report.get("created").asInt()).isEqualTo(2);
        assertThat(report.get("failed").asInt()).isEqualTo(1);
        assertThat(report.get("errors")).hasSize(2);
        assertThat(report.get("errors")).allSatisfy(error -> {
            assertThat(error.get("row").asInt()).isEqualTo(4);
            assertThat(error.get("id").asText()).isEqualTo("c-103");
        });
        assertThat(report.at("/errors/0/field").asText()).isEqualTo("email");
        assertThat(report.at("/errors/1/field").asText()).isEqualTo("timeZone");
        assertThat(report.at("/errors/1/message").asText()).isEqualTo("timeZone must be a time zone such as Asia/Tehran");
        // AND the directory shows the people, the one without an id under their canonical email
        JsonNode sara = getJson("/api/customers/c-101", true);
        assertThat(sara.get("email").asText()).isEqualTo("sara@example.com");
        assertThat(sara.get("name").asText()).isEqualTo("سارا کریمی");
        assertThat(sara.get("timeZone").asText()).isEqualTo("Asia/Tehran");
        assertThat(sara.get("plan").asText()).isEqualTo("pro");
        assertThat(sara.get("attributes")).isEmpty();
        JsonNode omar = getJson("/api/customers/omar@example.com", true);
        assertThat(omar.get("id").asText()).isEqualTo("omar@example.com");
        assertThat(omar.get("name").asText()).isEqualTo("Omar");
        // AND the bad row stored nothing
        assertThat(customerStatus("c-103")).isEqualTo(404);
    }

    @Test
    void delightedPeopleExport_shouldImportEveryPersonUnderTheirEmail() throws Exception {
        // GIVEN a Delighted people export: no id column, Delighted's own dates and a property
        String export = """
                email,name,phone_number,created_at,last_sent_at,last_responded_at,Delighted Source
                Leila.Ahmadi@Example.com,Leila Ahmadi,+989121234567,2026-01-05T09:00:00Z,2026-10-01T09:00:00Z,,Email
                yusuf@example.com,Yusuf,,2026-02-01T09:00:00Z,,2026-10-03T11:00:00Z,Web
                """;
        // WHEN it is imported
        JsonNode report = importCsv(export.getBytes(StandardCharsets.UTF_8));
        // THEN every person is created and nothing is reported
        assertThat(report.get("rows").asInt()).isEqualTo(2);
        assertThat(report.get("created").asInt()).isEqualTo(2);
        assertThat(report.get("errors")).isEmpty();
        // AND each reads back under their canonical email, with the export's other columns as attributes
        JsonNode leila = getJson("/api/customers/leila.ahmadi@example.com", true);
        assertThat(leila.get("email").asText()).isEqualTo("Leila.Ahmadi@Example.com");
        assertThat(leila.get("name").asText()).isEqualTo("Leila Ahmadi");
        assertThat(leila.get("phone").asText()).isEqualTo("+989121234567");
        assertThat(leila.at("/attributes/created_at").asText()).isEqualTo("2026-01-05T09:00:00Z");
        assertThat(leila.at("/attributes/delighted_source").asText()).isEqualTo("Email");
        assertThat(getJson("/api/customers/yusuf@example.com", true).get("name").asText()).isEqualTo("Yusuf");
    }
}
