package io.halqe.aws.runtime;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.halqe.aws.json.Json;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class StructuredLogTest {

    private final RecordingLogger logger = new RecordingLogger();
    private final List<String> logged = logger.logged();
    private final StructuredLog log = StructuredLog.of(logger.context("req-1"), "scoring");

    @Test
    void info_shouldWriteOneJsonObject_withNumbersAndBooleansAsTheyAre_andEverythingElseAsText() throws Exception {
        // GIVEN fields of every kind a handler logs, one of them with quotes and a line break
        Map<String, Object> fields = new LinkedHashMap<>();
        fields.put("surveyId", "demo \"nps\"\n");
        fields.put("records", 100);
        fields.put("seconds", 1.5);
        fields.put("late", true);
        fields.put("caseId", null);
        fields.put("rules", List.of("detractor"));
        java.util.concurrent.atomic.LongAdder sent = new java.util.concurrent.atomic.LongAdder();
        sent.add(12);
        fields.put("sent", sent);
        // WHEN it is logged
        log.info("batch scored", fields);
        // THEN one INFO line, a JSON object in this order, with the function and the request
        assertThat(logged).singleElement().asString().startsWith("INFO {\"level\":\"INFO\",\"message\":\"batch scored\","
                + "\"function\":\"scoring\",\"requestId\":\"req-1\",");
        JsonNode line = Json.MAPPER.readTree(logged.getFirst().substring("INFO ".length()));
        assertThat(line.get("surveyId").asText()).isEqualTo("demo \"nps\"\n");
        assertThat(line.get("records").isInt()).isTrue();
        assertThat(line.get("seconds").asDouble()).isEqualTo(1.5);
        assertThat(line.get("late").isBoolean()).isTrue();
        assertThat(line.get("caseId").isNull()).isTrue();
        assertThat(line.get("rules").asText()).isEqualTo("[detractor]");
        assertThat(line.get("sent").isNumber()).isTrue();
        assertThat(line.get("sent").asLong()).isEqualTo(12);
    }

    @Test
    void error_shouldCarryTheFailureAndItsStackTrace_whenSomethingFailed() throws Exception {
        // GIVEN a failure
        IllegalStateException failure = new IllegalStateException("the table is gone");
        // WHEN it is logged
        log.error("batch failed", Map.of("records", 3), failure);
        // THEN the line is an ERROR with the failure and where it happened
        assertThat(logged).singleElement().asString().startsWith("ERROR ");
        JsonNode line = Json.MAPPER.readTree(logged.getFirst().substring("ERROR ".length()));
        assertThat(line.get("error").asText()).isEqualTo("java.lang.IllegalStateException: the table is gone");
        assertThat(line.get("stackTrace").asText()).contains("StructuredLogTest.error_should");
    }
}
