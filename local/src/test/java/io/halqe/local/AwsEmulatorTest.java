package io.halqe.local;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.URI;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.eventbridge.EventBridgeClient;
import software.amazon.awssdk.services.eventbridge.model.PutEventsRequestEntry;
import software.amazon.awssdk.services.eventbridge.model.PutEventsResponse;
import software.amazon.awssdk.services.sesv2.SesV2Client;
import software.amazon.awssdk.services.sns.SnsClient;
import software.amazon.awssdk.services.sns.model.MessageAttributeValue;
import software.amazon.awssdk.services.sns.model.NotFoundException;

/** The emulated SES v2, SNS and EventBridge APIs, called with the real SDK clients. */
class AwsEmulatorTest {

    private static final StaticCredentialsProvider CREDENTIALS =
            StaticCredentialsProvider.create(AwsBasicCredentials.create("local", "local"));

    private static Outbox outbox;
    private static LocalEventBus bus;
    private static AsyncInvocations invocations;
    private static DeadLetters deadLetters;
    private static AwsEmulator emulator;
    private static final LocalClock clock = new LocalClock();
    private static final java.util.List<String> received = new java.util.concurrent.CopyOnWriteArrayList<>();

    @BeforeAll
    static void start() throws Exception {
        outbox = new Outbox();
        deadLetters = new DeadLetters();
        invocations = new AsyncInvocations(deadLetters, clock);
        bus = new LocalEventBus("halqe-local", "us-east-1", clock, invocations);
        bus.addRule("Fn.Detractors", LocalFunction.of("Recorder",
                        (com.amazonaws.services.lambda.runtime.RequestHandler<Map<String, Object>, String>) (event, context) -> {
                            received.add(Json.write(event));
                            return "ok";
                        }),
                "{\"source\":[\"halqe\"],\"detail-type\":[\"ResponseEnriched\"],\"detail\":{\"npsCategory\":[\"detractor\"]}}", 2);
        emulator = new AwsEmulator(outbox, bus, clock, java.util.Map.of(), Faults.NONE, new Usage(), null);
    }

    @AfterAll
    static void stop() {
        emulator.close();
    }

    @BeforeEach
    void clear() {
        outbox.clear();
        received.clear();
    }

    private static URI endpoint() {
        return emulator.endpoint();
    }

    @Test
    void sendEmail_shouldLandInTheOutbox_whenTheSesV2ClientSendsASimpleEmail() {
        // GIVEN a real SES v2 client pointed at the emulator
        try (SesV2Client ses = SesV2Client.builder().endpointOverride(endpoint()).region(Region.US_EAST_1)
                .credentialsProvider(CREDENTIALS).httpClient(UrlConnectionHttpClient.create()).build()) {
            // WHEN it sends an email with text, html, cc and a configuration set
            String messageId = ses.sendEmail(request -> request
                    .fromEmailAddress("feedback@halqe.local")
                    .destination(d -> d.toAddresses("owner@demo.halqe.local").ccAddresses("cc@demo.halqe.local"))
                    .configurationSetName("halqe-local")
                    .content(c -> c.simple(m -> m
                            .subject(s -> s.data("Detractor on demo-nps"))
                            .body(b -> b.text(t -> t.data("Score 2")).html(h -> h.data("<p>Score 2</p>")))))).messageId();

            // THEN the outbox holds it, field by field
            assertThat(messageId).isNotBlank();
            assertThat(outbox.emails()).singleElement().satisfies(email -> {
                assertThat(email.to()).containsExactly("owner@demo.halqe.local");
                assertThat(email.cc()).containsExactly("cc@demo.halqe.local");
                assertThat(email.from()).isEqualTo("feedback@halqe.local");
                assertThat(email.subject()).isEqualTo("Detractor on demo-nps");
                assertThat(email.text()).isEqualTo("Score 2");
                assertThat(email.html()).isEqualTo("<p>Score 2</p>");
                assertThat(email.configurationSet()).isEqualTo("halqe-local");
                assertThat(email.messageId()).isEqualTo(messageId);
            });
        }
    }

    @Test
    void sendEmail_shouldParseTheHeaders_whenTheSesV2ClientSendsARawEmail() {
        // GIVEN a raw MIME message
        String raw = "From: feedback@halqe.local\r\nTo: a@x.test, b@x.test\r\nSubject: Raw hello\r\n\r\nBody text";
        try (SesV2Client ses = SesV2Client.builder().endpointOverride(endpoint()).region(Region.US_EAST_1)
                .credentialsProvider(CREDENTIALS).httpClient(UrlConnectionHttpClient.create()).build()) {
            // WHEN it is sent as Content.Raw
            ses.sendEmail(request -> request.content(c -> c.raw(r -> r.data(SdkBytes.fromUtf8String(raw)))));
        }
        // THEN subject, recipients and body come from the message
        assertThat(outbox.emails()).singleElement().satisfies(email -> {
            assertThat(email.subject()).isEqualTo("Raw hello");
            assertThat(email.to()).containsExactly("a@x.test", "b@x.test");
            assertThat(email.text()).isEqualTo("Body text");
        });
    }

    @Test
    void publish_shouldLandInTheOutboxWithItsAttributes_whenTheSnsClientPublishes() {
        // GIVEN a real SNS client pointed at the emulator
        try (SnsClient sns = SnsClient.builder().endpointOverride(endpoint()).region(Region.US_EAST_1)
                .credentialsProvider(CREDENTIALS).httpClient(UrlConnectionHttpClient.create()).build()) {
            // WHEN it publishes with a subject and message attributes
            String messageId = sns.publish(request -> request
                    .topicArn("arn:aws:sns:us-east-1:000000000000:halqe-team-alerts-local")
                    .subject("Case opened")
                    .message("{\"caseId\":\"c-1\"}")
                    .messageAttributes(Map.of(
                            "team", MessageAttributeValue.builder().dataType("String").stringValue("support").build(),
                            "severity", MessageAttributeValue.builder().dataType("String").stringValue("high").build())))
                    .messageId();

            // THEN the outbox holds the notification
            assertThat(messageId).isNotBlank();
            assertThat(outbox.notifications()).singleElement().satisfies(notification -> {
                assertThat(notification.topic()).isEqualTo("arn:aws:sns:us-east-1:000000000000:halqe-team-alerts-local");
                assertThat(notification.subject()).isEqualTo("Case opened");
                assertThat(notification.message()).isEqualTo("{\"caseId\":\"c-1\"}");
                assertThat(notification.attributes()).containsEntry("team", "support").containsEntry("severity", "high");
            });
        }
    }

    @Test
    void publish_shouldFailWithAnSnsError_whenTheActionIsNotEmulated() {
        // GIVEN a real SNS client
        try (SnsClient sns = SnsClient.builder().endpointOverride(endpoint()).region(Region.US_EAST_1)
                .credentialsProvider(CREDENTIALS).httpClient(UrlConnectionHttpClient.create()).build()) {
            // WHEN it calls an action the emulator does not know
            // THEN the SDK sees an error response, not a hang or a parse failure
            assertThatThrownBy(() -> sns.getTopicAttributes(request -> request.topicArn("arn:aws:sns:us-east-1:000000000000:x")))
                    .isInstanceOf(software.amazon.awssdk.services.sns.model.SnsException.class)
                    .isNotInstanceOf(NotFoundException.class);
        }
    }

    @Test
    void smsOptOut_shouldBeSeenByTheSmsAdapter_whenAPhoneAnsweredStop() {
        // GIVEN a phone on the opt-out list, as SNS keeps it when someone answers STOP
        emulator.optOut("+989120000009");
        try (SnsClient sns = SnsClient.builder().endpointOverride(endpoint()).region(Region.US_EAST_1)
                .credentialsProvider(CREDENTIALS).httpClient(UrlConnectionHttpClient.create()).build()) {
            var sender = new io.halqe.aws.messaging.SnsSmsSender(sns);
            // THEN the adapter asks SNS and sees it, and only it
            assertThat(sender.optedOut("+989120000009")).isTrue();
            assertThat(sender.optedOut("+989120000010")).isFalse();
        }
    }

    @Test
    void putEvents_shouldInvokeTheMatchingRuleWithTheEnvelope_whenTheEventBridgeClientPutsAnEvent() {
        // GIVEN a real EventBridge client pointed at the emulator
        try (EventBridgeClient events = EventBridgeClient.builder().endpointOverride(endpoint()).region(Region.US_EAST_1)
                .credentialsProvider(CREDENTIALS).httpClient(UrlConnectionHttpClient.create()).build()) {
            // WHEN it puts a detractor and a promoter
            PutEventsResponse response = events.putEvents(request -> request.entries(
                    PutEventsRequestEntry.builder().eventBusName("halqe-local").source("halqe")
                            .detailType("ResponseEnriched").detail("{\"npsCategory\":\"detractor\",\"score\":2}")
                            .time(Instant.parse("2026-01-02T03:04:05Z")).build(),
                    PutEventsRequestEntry.builder().eventBusName("halqe-local").source("halqe")
                            .detailType("ResponseEnriched").detail("{\"npsCategory\":\"promoter\"}").build()));
            invocations.processQueued();

            // THEN both are accepted and only the detractor reaches the rule's function, as an EventBridge envelope
            assertThat(response.failedEntryCount()).isZero();
            assertThat(response.entries()).hasSize(2).allSatisfy(entry -> assertThat(entry.eventId()).isNotBlank());
            assertThat(received).singleElement().satisfies(json -> {
                JsonNode envelope = Json.parse(json);
                assertThat(envelope.path("version").asText()).isEqualTo("0");
                assertThat(envelope.path("id").asText()).isEqualTo(response.entries().get(0).eventId());
                assertThat(envelope.path("detail-type").asText()).isEqualTo("ResponseEnriched");
                assertThat(envelope.path("source").asText()).isEqualTo("halqe");
                assertThat(envelope.path("account").asText()).isEqualTo("000000000000");
                assertThat(envelope.path("time").asText()).isEqualTo("2026-01-02T03:04:05Z");
                assertThat(envelope.path("region").asText()).isEqualTo("us-east-1");
                assertThat(envelope.path("resources").isArray()).isTrue();
                assertThat(envelope.path("detail").path("score").asInt()).isEqualTo(2);
            });
        }
    }

    @Test
    void putEvents_shouldBeRefusedWhole_whenOverTenEntriesOrOver256Kb_asEventBridgeRefusesIt_andThePublisherSplits() {
        try (EventBridgeClient events = EventBridgeClient.builder().endpointOverride(endpoint()).region(Region.US_EAST_1)
                .credentialsProvider(CREDENTIALS).httpClient(UrlConnectionHttpClient.create()).build()) {
            int before = bus.events().size();
            // WHEN ten entries of 30 KB each (300 KB) are put in one request, and eleven small ones
            String big = "{\"comment\":\"" + "x".repeat(30 * 1024) + "\"}";
            var tooBig = java.util.stream.IntStream.range(0, 10).mapToObj(i -> PutEventsRequestEntry.builder()
                    .source("halqe").detailType("ResponseEnriched").detail(big).build()).toList();
            var tooMany = java.util.stream.IntStream.range(0, 11).mapToObj(i -> PutEventsRequestEntry.builder()
                    .source("halqe").detailType("Ping").detail("{}").build()).toList();
            // THEN both requests are refused whole with a ValidationException, and nothing reached the bus
            org.assertj.core.api.Assertions.assertThatThrownBy(() -> events.putEvents(request -> request.entries(tooBig)))
                    .isInstanceOfSatisfying(software.amazon.awssdk.services.eventbridge.model.EventBridgeException.class,
                            refused -> {
                                assertThat(refused.statusCode()).isEqualTo(400);
                                assertThat(refused.awsErrorDetails().errorCode()).isEqualTo("ValidationException");
                                assertThat(refused.getMessage()).contains("over the limit");
                            });
            org.assertj.core.api.Assertions.assertThatThrownBy(() -> events.putEvents(request -> request.entries(tooMany)))
                    .hasMessageContaining("less than or equal to 10");
            assertThat(bus.events()).hasSize(before);
            // AND our publisher sends the same ten in requests within the limits: all ten arrive
            new io.halqe.aws.messaging.EventBridgePublisher(events, "halqe-local").publish(
                    java.util.stream.IntStream.range(0, 10).mapToObj(i -> new io.halqe.domain.events.CaseOpened(
                            "1", "case-" + i, "r-" + i, "s", "support", "o@example.com", java.time.Instant.EPOCH,
                            "x".repeat(30 * 1024))).toList());
            assertThat(bus.events()).hasSize(before + 10);
        }
    }

    @Test
    void putEvents_shouldReportAFailedEntry_whenTheBusDoesNotExistOrTheDetailIsNotJson() {
        // GIVEN a real EventBridge client
        try (EventBridgeClient events = EventBridgeClient.builder().endpointOverride(endpoint()).region(Region.US_EAST_1)
                .credentialsProvider(CREDENTIALS).httpClient(UrlConnectionHttpClient.create()).build()) {
            // WHEN one entry names another bus and one has a malformed detail
            PutEventsResponse response = events.putEvents(request -> request.entries(
                    PutEventsRequestEntry.builder().eventBusName("nope").source("halqe").detailType("X").detail("{}").build(),
                    PutEventsRequestEntry.builder().source("halqe").detailType("X").detail("not json").build()));

            // THEN both fail with EventBridge's per-entry errors
            assertThat(response.failedEntryCount()).isEqualTo(2);
            assertThat(response.entries().get(0).errorCode()).isEqualTo("ResourceNotFoundException");
            assertThat(response.entries().get(1).errorCode()).isEqualTo("MalformedDetail");
        }
    }
}
