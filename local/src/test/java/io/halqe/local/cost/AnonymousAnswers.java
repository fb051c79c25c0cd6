package io.halqe.local.cost;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.URI;
import java.net.UnknownHostException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * An answer to the demo survey as its hosted page posts one: anonymous, JSON, its own idempotency key, and from a
 * visitor of its own, as answers come in life (each from its own loopback address: the local cloud, like API Gateway,
 * takes the source from the connection).
 */
final class AnonymousAnswers {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final AtomicInteger VISITORS = new AtomicInteger();

    private AnonymousAnswers() {
    }

    static void post(URI base, int nps, String comment) {
        ObjectNode body = JSON.createObjectNode();
        ObjectNode answers = body.putObject("answers").put("nps", nps);
        if (comment != null) {
            answers.put("comment", comment);
        }
        try (HttpClient http = HttpClient.newBuilder().localAddress(nextVisitor()).build()) {
            HttpResponse<String> sent = http.send(HttpRequest.newBuilder(base.resolve("/s/demo-nps/responses"))
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

    /** 127.1.x.y: addresses on the loopback network, a new one for each answer (65,024 before they repeat). */
    private static InetAddress nextVisitor() throws UnknownHostException {
        int visitor = VISITORS.getAndIncrement() % (254 * 256);
        return InetAddress.getByAddress(new byte[] {127, 1, (byte) (visitor / 254), (byte) (visitor % 254 + 1)});
    }
}
