package io.halqe.local.cost;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.UUID;

/** An answer to the demo survey as its hosted page posts one: anonymous, JSON, its own idempotency key. */
final class AnonymousAnswers {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final HttpClient HTTP = HttpClient.newHttpClient();

    private AnonymousAnswers() {
    }

    static void post(URI base, int nps, String comment) {
        ObjectNode body = JSON.createObjectNode();
        ObjectNode answers = body.putObject("answers").put("nps", nps);
        if (comment != null) {
            answers.put("comment", comment);
        }
        try {
            HttpResponse<String> sent = HTTP.send(HttpRequest.newBuilder(base.resolve("/s/demo-nps/responses"))
                    .header("content-type", "application/json").header("idempotency-key", UUID.randomUUID().toString())
                    .POST(HttpRequest.BodyPublishers.ofString(body.toString())).build(), HttpResponse.BodyHandlers.ofString());
            assertThat(sent.statusCode()).as(sent.body()).isEqualTo(201);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
