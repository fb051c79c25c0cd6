package io.halqe.local.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * What an independent tester sent that once reached a 500 or was silently misread: from an empty local cloud, each
 * answers a 4xx whose error names the field, and nothing is stored.
 */
class BadInputIT extends LocalCloudProcess {

    private record Case(String what, String method, String path, boolean admin, String body, String field) {
    }

    private static HttpResponse<String> call(Case input) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(base.resolve(input.path())).header("accept", "application/json")
                .method(input.method(), input.body() == null ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofString(input.body()));
        if (input.body() != null) {
            request.header("content-type", "application/json");
        }
        if (input.admin()) {
            request.header("authorization", "Bearer " + KEY);
        }
        return send(request);
    }

    @Test
    void everyBadInput_shouldAnswerA4xxNamingTheField_andStoreNothing() throws Exception {
        String longId = "s".repeat(2000);
        List<Case> inputs = List.of(
                new Case("a language that is no language", "GET", "/s/demo-nps?lang=-", false, null, "lang"),
                new Case("an underscore for a language", "GET", "/s/demo-nps?lang=_", false, null, "lang"),
                new Case("a survey id past DynamoDB's key limit", "GET", "/s/" + longId, false, null, "surveyId"),
                new Case("an answer to a survey id past the key limit", "POST", "/s/" + longId + "/responses", false,
                        "{\"answers\":{\"nps\":7}}", "surveyId"),
                new Case("an admin read of a survey id past the key limit", "GET", "/api/surveys/" + longId, true, null,
                        "surveyId"),
                new Case("a score past the int range (once wrapped to 7)", "POST", "/s/demo-nps/responses", false,
                        "{\"answers\":{\"nps\":4294967303}}", "answers.nps"),
                new Case("a score as text", "POST", "/s/demo-nps/responses", false, "{\"answers\":{\"nps\":\"7\"}}",
                        "answers.nps"),
                new Case("a score as a decimal", "POST", "/s/demo-nps/responses", false, "{\"answers\":{\"nps\":7.0}}",
                        "answers.nps"),
                new Case("a score in exponent notation", "POST", "/s/demo-nps/responses", false,
                        "{\"answers\":{\"nps\":7e0}}", "answers.nps"),
                new Case("an unknown field in a submission", "POST", "/s/demo-nps/responses", false,
                        "{\"answers\":{\"nps\":7},\"score\":7}", "score"),
                new Case("a submission's language that is no language", "POST", "/s/demo-nps/responses", false,
                        "{\"answers\":{\"nps\":7},\"language\":\"-\"}", "language"),
                new Case("partial as text", "POST", "/s/demo-nps/responses", false,
                        "{\"answers\":{\"nps\":7},\"partial\":\"yes\"}", "partial"),
                new Case("an invitation for the locale -", "POST", "/api/invitations", true,
                        "{\"surveyId\":\"demo-nps\",\"channel\":\"link\",\"customer\":{\"id\":\"c-1\",\"locale\":\"-\"}}",
                        "customer.locale"),
                new Case("an invitation for a customer id past the key limit", "POST", "/api/invitations", true,
                        "{\"surveyId\":\"demo-nps\",\"channel\":\"link\",\"customer\":{\"id\":\"" + longId + "\"}}",
                        "customer.id"),
                new Case("an unknown field in an invitation", "POST", "/api/invitations", true,
                        "{\"surveyId\":\"demo-nps\",\"channel\":\"link\",\"customer\":{\"id\":\"c-2\"},\"sendAt\":\"now\"}",
                        "sendAt"),
                new Case("a survey with a misspelt field", "POST", "/api/surveys", true,
                        "{\"id\":\"typo\",\"name\":\"Typo\",\"kind\":\"relationship\",\"defaultLanguage\":\"en\","
                                + "\"languages\":[\"en\"],\"questions\":[{\"id\":\"nps\",\"type\":\"nps\",\"requierd\":true,"
                                + "\"text\":{\"en\":\"?\"}}]}", "questions[0].requierd"),
                new Case("a contact check in no time zone", "POST", "/api/outreach/dry-run", true,
                        "{\"surveyId\":\"demo-nps\",\"customer\":{\"id\":\"c-3\"},\"timeZone\":\"Mars/Olympus\"}",
                        "timeZone"));
        List<String> wrong = new ArrayList<>();
        for (Case input : inputs) {
            // WHEN it is sent
            HttpResponse<String> response = call(input);
            // THEN a 4xx names the field
            JsonNode error = response.body().startsWith("{") ? JSON.readTree(response.body()).path("error") : null;
            if (response.statusCode() < 400 || response.statusCode() > 499 || error == null
                    || !input.field().equals(error.path("field").asText())) {
                wrong.add(input.what() + ": " + response.statusCode() + " " + response.body());
            }
        }
        assertThat(wrong).as("inputs not refused by name").isEmpty();
        // AND nothing was stored: no response, no survey, no invitation's customer
        drain();
        assertThat(getJson("/api/surveys/demo-nps/responses", true).path("items")).isEmpty();
        assertThat(sendAdmin("GET", "/api/surveys/typo", null).statusCode()).isEqualTo(404);
        assertThat(sendAdmin("GET", "/api/customers/c-1", null).statusCode()).isEqualTo(404);
        assertThat(sendAdmin("GET", "/api/customers/c-2", null).statusCode()).isEqualTo(404);
    }
}
