package io.halqe.aws.runtime;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.halqe.aws.json.Json;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/** What reached a function, told apart once. */
class InboundTest {

    @Test
    void scheduledTime_shouldComeFromTheScheduleInput() throws Exception {
        // GIVEN the Input every schedule of the template sends
        var inbound = Inbound.of(Json.MAPPER.readTree("{\"scheduledTime\":\"2026-01-01T00:00:00Z\"}"));
        // THEN it is a schedule firing at that time
        assertThat(inbound).isEqualTo(new Inbound.Schedule(Instant.parse("2026-01-01T00:00:00Z")));
    }

    @Test
    void of_shouldReadABusEventWithItsEnvelope_whenItHasADetailType() throws Exception {
        // GIVEN an EventBridge delivery
        var payload = Json.MAPPER.readTree("""
                {"id":"e-1","source":"demo.shop","detail-type":"OrderDelivered","time":"2026-01-02T00:00:00Z",
                 "detail":{"orderId":"A-1"}}""");
        // WHEN it is read
        var inbound = Inbound.of(payload);
        // THEN the envelope's fields and the whole event are kept
        assertThat(inbound).isInstanceOfSatisfying(Inbound.Bus.class, bus -> {
            assertThat(bus.event().detailType()).isEqualTo("OrderDelivered");
            assertThat(bus.event().time()).isEqualTo(Instant.parse("2026-01-02T00:00:00Z"));
            assertThat(bus.envelope()).isEqualTo(payload);
        });
    }

    @Test
    void of_shouldReadEverySnsMessage_whenSnsDelivers() throws Exception {
        // GIVEN two SNS records
        var inbound = Inbound.of(Json.MAPPER.readTree("""
                {"Records":[{"Sns":{"Message":"one"}},{"Sns":{"Message":"two"}}]}"""));
        // THEN both messages are there, in order
        assertThat(inbound).isEqualTo(new Inbound.Sns(java.util.List.of("one", "two")));
    }

    @Test
    void of_shouldReadAnHttpRequest_whenItHasARequestContext() throws Exception {
        var inbound = Inbound.of(Json.MAPPER.readTree("""
                {"version":"2.0","routeKey":"GET /api/cases","rawPath":"/api/cases",
                 "requestContext":{"http":{"method":"GET","path":"/api/cases"},"timeEpoch":1}}"""));
        assertThat(inbound).isInstanceOfSatisfying(Inbound.Http.class,
                http -> assertThat(http.event().getRawPath()).isEqualTo("/api/cases"));
    }

    @Test
    void of_shouldReadEachRecordsKeys_whenADynamoDbStreamDelivers() throws Exception {
        // GIVEN two records of a keys-only stream
        var inbound = Inbound.of(Json.MAPPER.readTree("""
                {"Records":[
                 {"eventID":"1","eventName":"INSERT","eventSource":"aws:dynamodb",
                  "dynamodb":{"Keys":{"pk":{"S":"DELIVERY#wh-1"},"sk":{"S":"0001764756000000.msg_a"}},
                              "SequenceNumber":"100","StreamViewType":"KEYS_ONLY"}},
                 {"eventID":"2","eventName":"INSERT","eventSource":"aws:dynamodb",
                  "dynamodb":{"Keys":{"pk":{"S":"DELIVERY#wh-2"},"sk":{"S":"0001764756000001.msg_b"}},
                              "SequenceNumber":"101","StreamViewType":"KEYS_ONLY"}}]}"""));
        // THEN each record's keys are read, in order
        assertThat(inbound).isEqualTo(new Inbound.StreamKeys(java.util.List.of(
                java.util.Map.of("pk", "DELIVERY#wh-1", "sk", "0001764756000000.msg_a"),
                java.util.Map.of("pk", "DELIVERY#wh-2", "sk", "0001764756000001.msg_b"))));
    }

    @Test
    void of_shouldRefuse_whenTheInvocationIsNoKnownKind() throws Exception {
        // GIVEN an empty object and a schedule with a broken time
        assertThatThrownBy(() -> Inbound.of(Json.MAPPER.readTree("{}"))).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("not an invocation Halqe knows");
        assertThatThrownBy(() -> Inbound.of(Json.MAPPER.readTree("{\"scheduledTime\":\"soon\"}")))
                .hasMessageContaining("scheduledTime is not an ISO-8601 instant");
    }
}
