package io.halqe.local.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.standardwebhooks.Webhook;
import com.sun.net.httpserver.HttpServer;
import io.halqe.local.LocalCloud;
import io.halqe.local.LocalCloudCalls;
import io.halqe.local.LocalCloudOptions;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

/**
 * Signed webhooks from an empty local cloud, through the documented calls only: a receiver on the loopback subscribes,
 * gets signed messages, answers 500 for a while and then gets each message once; after a day and more of failures a
 * message is dead-lettered, listed as failed, and re-sent. The clock is moved, never slept on.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class WebhooksIT {

    private static final String SURVEY = """
            {"id":"shop","name":"Shop","kind":"relationship","defaultLanguage":"en","languages":["en"],
             "questions":[{"id":"nps","type":"nps","required":true,"text":{"en":"Recommend us?"}},
                          {"id":"comment","type":"text","text":{"en":"Tell us more"}}],
             "thankYou":{"en":"Thanks!"}}""";

    /** One request the receiver got, and what it answered. */
    record Received(String id, String timestamp, String signature, String body, int answered) {
        JsonNode json() throws Exception {
            return LocalCloudCalls.JSON.readTree(body);
        }
    }

    private static final List<Received> received = new CopyOnWriteArrayList<>();
    private static final AtomicInteger answer = new AtomicInteger(204);
    private static HttpServer receiver;
    private static LocalCloud cloud;
    private static LocalCloudCalls api;
    private static String subscription;
    private static String secret;

    @BeforeAll
    static void start() throws Exception {
        receiver = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        receiver.createContext("/hooks", exchange -> {
            String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
            var headers = exchange.getRequestHeaders();
            int status = answer.get();
            received.add(new Received(headers.getFirst("webhook-id"), headers.getFirst("webhook-timestamp"),
                    headers.getFirst("webhook-signature"), body, status));
            exchange.sendResponseHeaders(status, -1);
            exchange.close();
        });
        receiver.start();
        cloud = LocalCloud.start(LocalCloudOptions.defaults().withPort(0)
                .withAnswerLog(io.halqe.local.openapi.RecordedAnswers.newLog()).withBackground(false)
                .withParameter("AnonymousAnswersPerMinute", "0"));
        api = new LocalCloudCalls(cloud);
        assertThat(api.send("POST", "/api/surveys", SURVEY).statusCode()).isEqualTo(201);
    }

    @AfterAll
    static void stop() {
        cloud.close();
        receiver.stop(0);
    }

    @Test
    @Order(1)
    void subscription_shouldShowItsSecretOnce_andRefuseAUrlWithoutAHost() throws Exception {
        // WHEN the receiver subscribes to answers, opened cases and closed cases
        var made = api.send("POST", "/api/webhooks", """
                {"url":"http://127.0.0.1:%d/hooks","events":["response.enriched","case.opened","case.closed"],
                 "description":"CRM"}""".formatted(receiver.getAddress().getPort()));
        // THEN it is made with a Standard Webhooks secret, shown this once
        assertThat(made.statusCode()).as(made.body()).isEqualTo(201);
        JsonNode body = LocalCloudCalls.JSON.readTree(made.body());
        subscription = body.get("id").asText();
        secret = body.get("secret").asText();
        assertThat(secret).startsWith("whsec_");
        assertThat(api.send("GET", "/api/webhooks", null).body()).contains(subscription).doesNotContain(secret);
        assertThat(api.send("GET", "/api/webhooks/" + subscription, null).body()).doesNotContain(secret);
        // AND a URL without a host, or an unknown event type, is refused naming the field
        var noHost = api.send("POST", "/api/webhooks", "{\"url\":\"http:/hooks\",\"events\":[\"case.opened\"]}");
        assertThat(noHost.statusCode()).isEqualTo(400);
        assertThat(LocalCloudCalls.JSON.readTree(noHost.body()).at("/error/field").asText()).isEqualTo("url");
        var unknown = api.send("POST", "/api/webhooks", """
                {"url":"http://127.0.0.1:1/x","events":["case.opened","case.reopened"]}""");
        assertThat(LocalCloudCalls.JSON.readTree(unknown.body()).at("/error/field").asText()).isEqualTo("events[1]");
    }

    @Test
    @Order(2)
    void detractorAnswer_shouldReachTheReceiverSigned_asAnAnswerAndAnOpenedCase() throws Exception {
        // GIVEN a detractor's answer, analysed (the default alert rule opens a case for it)
        String responseId = api.answer("shop", LocalCloudCalls.JSON.readTree(
                "{\"nps\":2,\"comment\":\"The parcel came late and nobody answered\"}"));
        // WHEN the pipeline has run, before any sweep
        cloud.drain();
        // THEN the receiver got one response.enriched and one case.opened at once (their first attempt does not wait
        // for the 5-minute sweep), each signed as Standard Webhooks signs
        assertThat(received).extracting(r -> r.json().get("type").asText())
                .containsExactlyInAnyOrder("response.enriched", "case.opened");
        // AND the sweep that follows sends neither again
        cloud.advanceClock(Duration.ofMinutes(5));
        assertThat(received).hasSize(2);
        for (Received message : received) {
            assertThat(message.signature()).isEqualTo(new Webhook(secret).sign(message.id(),
                    Long.parseLong(message.timestamp()), message.body()));
            assertThat(message.json().at("/data/responseId").asText()).isEqualTo(responseId);
        }
        // AND the subscription lists both as delivered at the first attempt
        JsonNode shown = api.get("/api/webhooks/" + subscription);
        assertThat(shown.get("recentDeliveries")).hasSize(2).allSatisfy(delivery -> {
            assertThat(delivery.get("status").asText()).isEqualTo("delivered");
            assertThat(delivery.get("attempts").asInt()).isEqualTo(1);
            assertThat(delivery.at("/lastAttempt/httpStatus").asInt()).isEqualTo(204);
        });
    }

    @Test
    @Order(3)
    void receiverDown_shouldGetEachMessageOnce_whenItRecovers() throws Exception {
        // GIVEN a receiver that answers 500, and the case closed and a promoter's answer meanwhile
        received.clear();
        answer.set(500);
        String caseId = api.get("/api/cases").get("items").get(0).get("caseId").asText();
        var closed = api.send("POST", "/api/cases/" + caseId + "/close",
                "{\"resolution\":\"Refunded the shipping\",\"notifyCustomer\":false}");
        assertThat(closed.statusCode()).as(closed.body()).isEqualTo(200);
        api.answer("shop", LocalCloudCalls.JSON.readTree("{\"nps\":10}"));
        cloud.drain();
        // WHEN the sweeps of the next hour fail against it, and then it recovers
        cloud.advanceClock(Duration.ofMinutes(40));
        int failedAttempts = received.size();
        answer.set(200);
        cloud.advanceClock(Duration.ofHours(3));
        // THEN it was tried with backoff (not every sweep), and each message arrived once with a 200
        assertThat(failedAttempts).isBetween(4, 6);
        Map<String, Long> delivered = received.stream().filter(r -> r.answered() == 200)
                .collect(Collectors.groupingBy(Received::id, Collectors.counting()));
        assertThat(delivered).hasSize(2).allSatisfy((id, times) -> assertThat(times).isEqualTo(1));
        assertThat(received.stream().filter(r -> r.answered() == 200).map(r -> {
            try {
                return r.json().get("type").asText();
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        })).containsExactlyInAnyOrder("case.closed", "response.enriched");
        // AND no signature was made with anything but the secret
        assertThat(received).allSatisfy(message -> assertThat(message.signature()).isEqualTo(
                new Webhook(secret).sign(message.id(), Long.parseLong(message.timestamp()), message.body())));
    }

    @Test
    @Order(4)
    void dayOfFailures_shouldDeadLetterTheMessage_andAResendDeliversIt() throws Exception {
        // GIVEN a receiver that fails for good, and an answer to announce
        received.clear();
        answer.set(503);
        api.answer("shop", LocalCloudCalls.JSON.readTree("{\"nps\":7,\"comment\":\"ok\"}"));
        cloud.drain();
        // WHEN a day and a half passes
        cloud.advanceClock(Duration.ofHours(36));
        // THEN it was tried seven times in all, then dead-lettered and listed as failed
        assertThat(received).hasSize(7);
        assertThat(received.stream().map(Received::id).distinct()).hasSize(1);
        JsonNode failed = api.get("/api/webhooks/" + subscription + "/deliveries?status=failed");
        assertThat(failed.get("items")).singleElement().satisfies(delivery -> {
            assertThat(delivery.get("attempts").asInt()).isEqualTo(7);
            assertThat(delivery.get("nextAttemptAt").isNull()).isTrue();
            assertThat(delivery.at("/lastAttempt/httpStatus").asInt()).isEqualTo(503);
        });
        // AND once the receiver is back, a re-send delivers it at the next sweep, under the same message id
        answer.set(200);
        String deliveryId = failed.at("/items/0/id").asText();
        var resent = api.send("POST", "/api/webhooks/" + subscription + "/deliveries/" + deliveryId + "/resend", "{}");
        assertThat(resent.statusCode()).as(resent.body()).isEqualTo(202);
        cloud.advanceClock(Duration.ofMinutes(5));
        assertThat(received).hasSize(8);
        assertThat(received.get(7).answered()).isEqualTo(200);
        assertThat(received.get(7).id()).isEqualTo(received.get(0).id());
        assertThat(api.get("/api/webhooks/" + subscription + "/deliveries?status=failed").get("items")).isEmpty();
    }

    @Test
    @Order(5)
    void rotatedSecret_shouldSignBesideTheOldOne_forADay() throws Exception {
        // WHEN the secret is rotated and a message goes out
        received.clear();
        var rotated = api.send("POST", "/api/webhooks/" + subscription + "/secret", "{}");
        assertThat(rotated.statusCode()).as(rotated.body()).isEqualTo(200);
        String fresh = LocalCloudCalls.JSON.readTree(rotated.body()).get("secret").asText();
        api.answer("shop", LocalCloudCalls.JSON.readTree("{\"nps\":9}"));
        cloud.drain();
        cloud.advanceClock(Duration.ofMinutes(5));
        // THEN it carries two signatures, the new secret's first, so receivers can switch over
        Received message = received.getFirst();
        long timestamp = Long.parseLong(message.timestamp());
        assertThat(message.signature()).isEqualTo(new Webhook(fresh).sign(message.id(), timestamp, message.body())
                + " " + new Webhook(secret).sign(message.id(), timestamp, message.body()));
        // AND after a day only the new secret signs
        received.clear();
        cloud.advanceClock(Duration.ofHours(25));
        api.answer("shop", LocalCloudCalls.JSON.readTree("{\"nps\":8}"));
        cloud.drain();
        cloud.advanceClock(Duration.ofMinutes(5));
        Received later = received.getFirst();
        assertThat(later.signature()).isEqualTo(new Webhook(fresh).sign(later.id(),
                Long.parseLong(later.timestamp()), later.body()));
    }
}
