package io.halqe.local.openapi;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The check the end-to-end tests' answers go through: what it finds when an answer strays from openapi.yaml. */
class DescribedAnswersTest {

    private final DescribedAnswers answers = new DescribedAnswers(ApiDescription.repository());

    private static String line(String method, String route, String path, int status, String body) {
        return "{\"method\":\"" + method + "\",\"route\":\"" + route + "\",\"path\":\"" + path + "\",\"status\":" + status
                + ",\"contentType\":\"application/json; charset=utf-8\",\"byGateway\":false,\"body\":"
                + (body == null ? "null" : "\"" + body.replace("\"", "\\\"") + "\"") + "}";
    }

    @Test
    void check_shouldFindNothing_whenAnswersAreAsDescribed(@TempDir Path dir) throws Exception {
        // GIVEN a case list, a refused scope and a person's call through /console/api/, all as described
        Path log = dir.resolve("answers.ndjson");
        Files.writeString(log, line("GET", "GET /api/cases", "/api/cases", 200, "{\"items\":[],\"next\":null}") + "\n"
                + line("GET", "GET /api/keys", "/api/keys", 403,
                "{\"error\":{\"code\":\"forbidden\",\"message\":\"GET /api/keys needs the scope admin\"}}") + "\n"
                + line("GET", "ANY /console/api/{proxy+}", "/console/api/surveys/demo-nps/responses", 200,
                "{\"items\":[],\"next\":null}") + "\n");
        // WHEN they are checked
        long end = answers.check(log, 0);
        // THEN all three were read and none is a violation
        assertThat(end).isEqualTo(Files.size(log));
        assertThat(answers.checked()).isEqualTo(3);
        assertThat(answers.violations()).isEmpty();
    }

    @Test
    void check_shouldNameEachStray_whenAnAnswerDoesNotMatchTheDescription(@TempDir Path dir) throws Exception {
        // GIVEN answers off the description: a field missing, an undescribed status, another error shape, a route
        // the description lacks, and a person's answer that is not the /api operation's
        Path log = dir.resolve("answers.ndjson");
        Files.writeString(log, String.join("\n",
                line("GET", "GET /api/cases", "/api/cases", 200, "{\"next\":null}"),
                line("DELETE", "DELETE /api/keys/{keyId}", "/api/keys/k1", 418, "{}"),
                line("GET", "GET /api/cases/{caseId}", "/api/cases/c-1", 404, "{\"message\":\"no\"}"),
                line("GET", "GET /api/nonesuch", "/api/nonesuch", 200, "{}"),
                line("GET", "ANY /console/api/{proxy+}", "/console/api/cases", 200, "{\"items\":\"none\"}")) + "\n");
        // WHEN they are checked
        answers.check(log, 0);
        // THEN each is named with where it was seen
        assertThat(answers.violations()).hasSize(5).anySatisfy(v -> assertThat(v).startsWith("GET /api/cases 200: ")
                        .contains("items").contains("e.g. /api/cases"))
                .anySatisfy(v -> assertThat(v).startsWith("DELETE /api/keys/{keyId} 418: status not described"))
                .anySatisfy(v -> assertThat(v).startsWith("GET /api/cases/{caseId} 404: ").contains("error"))
                .anySatisfy(v -> assertThat(v).startsWith("GET /api/nonesuch: no such operation"))
                .anySatisfy(v -> assertThat(v).contains("e.g. /console/api/cases"));
    }

    @Test
    void check_shouldLeaveALineBeingWritten_forTheNextCheck(@TempDir Path dir) throws Exception {
        // GIVEN one whole answer and the start of the next
        Path log = dir.resolve("answers.ndjson");
        String whole = line("GET", "GET /api/cases", "/api/cases", 200, "{\"items\":[],\"next\":null}") + "\n";
        Files.writeString(log, whole + "{\"method\":\"GE");
        // WHEN checked THEN only the whole one is, and the next check starts where it ends
        assertThat(answers.check(log, 0)).isEqualTo(whole.length());
        assertThat(answers.checked()).isEqualTo(1);
    }
}
