package io.halqe.aws.messaging;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import io.halqe.aws.json.Json;
import io.halqe.domain.core.Mailer;
import io.halqe.domain.core.Notifier;
import io.halqe.domain.events.CaseOpened;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.eventbridge.EventBridgeClient;
import software.amazon.awssdk.services.eventbridge.model.PutEventsRequest;
import software.amazon.awssdk.services.eventbridge.model.PutEventsResponse;
import software.amazon.awssdk.services.eventbridge.model.PutEventsResultEntry;
import software.amazon.awssdk.services.sesv2.SesV2Client;
import software.amazon.awssdk.services.sesv2.model.SendEmailRequest;
import software.amazon.awssdk.services.sesv2.model.SendEmailResponse;
import software.amazon.awssdk.services.sns.SnsClient;
import software.amazon.awssdk.services.sns.model.MessageAttributeValue;
import software.amazon.awssdk.services.sns.model.PublishRequest;
import software.amazon.awssdk.services.sns.model.PublishResponse;

/** The adapters' exact SDK requests, captured by minimal client implementations. */
class MessagingAdaptersTest {

    private static final class CapturingSes implements SesV2Client {
        final List<SendEmailRequest> requests = new ArrayList<>();

        @Override
        public SendEmailResponse sendEmail(SendEmailRequest request) {
            requests.add(request);
            return SendEmailResponse.builder().messageId("m-1").build();
        }

        @Override
        public String serviceName() {
            return "ses";
        }

        @Override
        public void close() {
        }
    }

    private static final class CapturingSns implements SnsClient {
        final List<PublishRequest> requests = new ArrayList<>();

        @Override
        public PublishResponse publish(PublishRequest request) {
            requests.add(request);
            return PublishResponse.builder().messageId("n-1").build();
        }

        @Override
        public String serviceName() {
            return "sns";
        }

        @Override
        public void close() {
        }
    }

    private static final class CapturingEventBridge implements EventBridgeClient {
        final List<PutEventsRequest> requests = new ArrayList<>();
        int failNext;

        @Override
        public PutEventsResponse putEvents(PutEventsRequest request) {
            requests.add(request);
            int failed = Math.min(failNext, request.entries().size());
            failNext = 0;
            List<PutEventsResultEntry> entries = IntStream.range(0, request.entries().size())
                    .mapToObj(i -> i < failed
                            ? PutEventsResultEntry.builder().errorCode("ThrottlingException").errorMessage("slow down").build()
                            : PutEventsResultEntry.builder().eventId("e-" + i).build())
                    .toList();
            return PutEventsResponse.builder().failedEntryCount(failed).entries(entries).build();
        }

        @Override
        public String serviceName() {
            return "events";
        }

        @Override
        public void close() {
        }
    }

    @Test
    void send_shouldSendUtf8TextAndHtmlThroughTheConfigurationSet() {
        // GIVEN the SES adapter
        CapturingSes ses = new CapturingSes();
        SesMailer mailer = new SesMailer(ses, "feedback@example.com", "halqe-dev");
        // WHEN an email is sent
        mailer.send(new Mailer.Email(List.of("owner@example.com"), "Détracteur", "plain", "<p>html</p>"));
        // THEN the request is exactly that
        SendEmailRequest request = ses.requests.get(0);
        assertThat(request.fromEmailAddress()).isEqualTo("feedback@example.com");
        assertThat(request.destination().toAddresses()).containsExactly("owner@example.com");
        assertThat(request.configurationSetName()).isEqualTo("halqe-dev");
        var message = request.content().simple();
        assertThat(message.subject().data()).isEqualTo("Détracteur");
        assertThat(message.subject().charset()).isEqualTo("UTF-8");
        assertThat(message.body().text().data()).isEqualTo("plain");
        assertThat(message.body().html().data()).isEqualTo("<p>html</p>");
        assertThat(message.headers()).isEmpty();
        // AND extra headers (List-Unsubscribe on customer emails) go in the message
        mailer.send(new Mailer.Email(List.of("c@example.com"), "s", "t", "h", Map.of("List-Unsubscribe", "<https://u>"), null));
        assertThat(ses.requests.get(1).content().simple().headers()).singleElement().satisfies(header -> {
            assertThat(header.name()).isEqualTo("List-Unsubscribe");
            assertThat(header.value()).isEqualTo("<https://u>");
        });
    }

    @Test
    void publish_shouldSendJsonWithStringAttributesForFilterPolicies() throws Exception {
        // GIVEN the SNS adapter
        CapturingSns sns = new CapturingSns();
        SnsNotifier notifier = new SnsNotifier(sns, "arn:aws:sns:eu-west-1:1:alerts");
        // WHEN a notification with a non-ASCII subject is published
        notifier.publish(new Notifier.Notification("نظر منفی on demo-nps", Map.of("caseId", "case-1", "npsScore", 2),
                Map.of("team", "support", "severity", "high")));
        // THEN the topic, an ASCII subject, a JSON message and typed attributes are sent
        PublishRequest request = sns.requests.get(0);
        assertThat(request.topicArn()).isEqualTo("arn:aws:sns:eu-west-1:1:alerts");
        assertThat(request.subject()).matches("[\\x20-\\x7E]+").endsWith(" on demo-nps");
        JsonNode message = Json.MAPPER.readTree(request.message());
        assertThat(message.get("caseId").asText()).isEqualTo("case-1");
        assertThat(message.get("npsScore").asInt()).isEqualTo(2);
        assertThat(request.messageAttributes()).containsEntry("team",
                MessageAttributeValue.builder().dataType("String").stringValue("support").build());
    }

    @Test
    void publish_shouldBatchTenPerCallOnTheBus() throws Exception {
        // GIVEN 23 events
        CapturingEventBridge bus = new CapturingEventBridge();
        EventBridgePublisher publisher = new EventBridgePublisher(bus, "halqe-dev");
        List<CaseOpened> events = IntStream.range(0, 23).mapToObj(i -> new CaseOpened("1", "case-" + i, "r-" + i,
                "demo-nps", "support", "o@example.com", Instant.parse("2026-11-25T10:00:00Z"), "Detractor")).toList();
        // WHEN published
        publisher.publish(events);
        // THEN three calls of 10, 10 and 3, each entry on our bus with source halqe and the detail as JSON
        assertThat(bus.requests).extracting(r -> r.entries().size()).containsExactly(10, 10, 3);
        var entry = bus.requests.get(0).entries().get(0);
        assertThat(entry.eventBusName()).isEqualTo("halqe-dev");
        assertThat(entry.source()).isEqualTo("halqe");
        assertThat(entry.detailType()).isEqualTo("CaseOpened");
        JsonNode detail = Json.MAPPER.readTree(entry.detail());
        assertThat(detail.get("caseId").asText()).isEqualTo("case-0");
        assertThat(detail.get("dueAt").asText()).isEqualTo("2026-11-25T10:00:00Z");
    }

    @Test
    void publish_shouldThrow_whenTheBusRejectsEntries() {
        CapturingEventBridge bus = new CapturingEventBridge();
        bus.failNext = 2;
        EventBridgePublisher publisher = new EventBridgePublisher(bus, "halqe-dev");
        assertThatThrownBy(() -> publisher.publish(List.of(new CaseOpened("1", "c", "r", "s", "t", "o",
                Instant.EPOCH, "x"), new CaseOpened("1", "c2", "r2", "s", "t", "o", Instant.EPOCH, "x"))))
                .hasMessageContaining("2 of 2 events were not accepted").hasMessageContaining("slow down");
    }
}
