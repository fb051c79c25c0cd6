package io.halqe.aws.json;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class JsonStreamsTest {

    private static InputStream json(String text) {
        return new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void read_shouldGivePlainValuesInTheirOrder_whenADocumentNestsEveryKind() throws Exception {
        // GIVEN a document with objects, arrays, strings (Persian too), numbers, booleans and null
        String text = "{\"z\":1,\"a\":[\"سلام\",2.5,12345678901,true,false,null],\"m\":{\"k\":{\"S\":\"v\"}}}";
        // WHEN it is read
        Object read = JsonStreams.read(json(text));
        // THEN objects are maps in the fields' order, arrays lists, and every value as written
        assertThat(read).isInstanceOf(Map.class);
        @SuppressWarnings("unchecked")
        Map<String, Object> object = (Map<String, Object>) read;
        assertThat(List.copyOf(object.keySet())).containsExactly("z", "a", "m");
        assertThat(object.get("z")).isEqualTo(1);
        assertThat(object.get("a")).isEqualTo(Arrays.asList("سلام", 2.5, 12345678901L, true, false, null));
        assertThat(object.get("m")).isEqualTo(Map.of("k", Map.of("S", "v")));
        // AND the same document is what the data-binding mapper reads
        assertThat((Object) Json.MAPPER.valueToTree(read)).isEqualTo(Json.MAPPER.readTree(text));
    }

    @Test
    void read_shouldRefuse_whenTheDocumentIsCutShortOrFollowedByAnother() {
        // GIVEN a document cut short, one followed by a second, and nothing
        for (String text : Arrays.asList("{\"Records\":[{\"a\":1}", "{} {}", "")) {
            // WHEN it is read THEN it is refused, never taken for a part of itself
            assertThatThrownBy(() -> JsonStreams.read(json(text))).as(text).isInstanceOf(IOException.class);
        }
    }

    @Test
    void write_shouldEscapeWhatItWrites_whenStringsHoldQuotesAndLineBreaks() {
        // GIVEN a value with quotes, a backslash, a line break and Arabic letters
        String value = "he said \"no\"\\\nمرحبا";
        // WHEN it is written as a field
        String written = JsonStreams.write(json -> {
            json.writeStartObject();
            json.writeStringField("text", value);
            json.writeEndObject();
        });
        // THEN it reads back as it was
        assertThat(written).isEqualTo("{\"text\":\"he said \\\"no\\\"\\\\\\nمرحبا\"}");
        assertThat(Json.MAPPER.convertValue(Json.MAPPER.valueToTree(Map.of("text", value)), Map.class))
                .isEqualTo(Map.of("text", value));
    }

    @Test
    void writeValue_shouldWriteWhatTheMapperWrites_whenAValueIsPlain() throws Exception {
        // GIVEN plain values nested in every way: maps in order, lists, Persian text, every kind of number, null
        Map<String, Object> value = new java.util.LinkedHashMap<>();
        value.put("z", List.of(1, 2L, 2.5, 1.5f, new java.math.BigDecimal("0.10"), java.math.BigInteger.TEN.pow(20)));
        value.put("a", Arrays.asList("سلام \"<b>\"", true, null, Map.of("k", List.of())));
        assertThat(JsonStreams.isPlain(value)).isTrue();
        // WHEN it is written with the streaming core THEN the text is the data-binding mapper's
        assertThat(JsonStreams.writePlain(value)).isEqualTo(Json.write(value));
    }

    @Test
    void writeValue_shouldRefuse_whenAValueIsARecordOrHasANonTextKey() {
        // GIVEN a record inside a list, and a map keyed by a number
        record Point(int x) {
        }
        for (Object value : List.of(List.of(new Point(1)), Map.of(1, "one"), java.time.Instant.EPOCH)) {
            // THEN it is not plain, and writing it is refused rather than written wrong
            assertThat(JsonStreams.isPlain(value)).as("%s", value).isFalse();
            assertThatThrownBy(() -> JsonStreams.writePlain(value)).as("%s", value)
                    .isInstanceOfAny(IllegalArgumentException.class, ClassCastException.class);
        }
    }
}
