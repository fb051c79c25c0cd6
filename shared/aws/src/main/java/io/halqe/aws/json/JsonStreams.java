package io.halqe.aws.json;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.StringWriter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * JSON with Jackson's streaming core alone, for what every invocation of a stream function does: read its batch,
 * answer it, write its metrics and log lines. Building {@link Json}'s data-binding mapper takes about a third of a
 * cold start's first invocation (scoring's, measured with {@code -Xlog:class+load}), and none of these needs it.
 */
public final class JsonStreams {

    private static final JsonFactory FACTORY = JsonFactory.builder().build();

    /** What a generator writes. */
    @FunctionalInterface
    public interface Writing {
        void write(JsonGenerator json) throws IOException;
    }

    private JsonStreams() {
    }

    /**
     * One JSON document as plain values: objects as maps in their fields' order, arrays as lists, strings, numbers
     * (Integer, Long, BigInteger or Double, as written), booleans and null.
     */
    public static Object read(InputStream input) throws IOException {
        try (JsonParser parser = FACTORY.createParser(input)) {
            if (parser.nextToken() == null) {
                throw new IOException("no JSON document");
            }
            Object value = value(parser);
            if (parser.nextToken() != null) {
                throw new IOException("more than one JSON document");
            }
            return value;
        }
    }

    /** A document written into a string. */
    public static String write(Writing writing) {
        StringWriter text = new StringWriter();
        try (JsonGenerator json = FACTORY.createGenerator(text)) {
            writing.write(json);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        return text.toString();
    }

    /** A document written to the stream, in UTF-8, which is closed after. */
    public static void write(OutputStream output, Writing writing) throws IOException {
        try (JsonGenerator json = FACTORY.createGenerator(output)) {
            writing.write(json);
        }
    }

    private static Object value(JsonParser parser) throws IOException {
        return switch (parser.currentToken()) {
            case START_OBJECT -> {
                Map<String, Object> object = new LinkedHashMap<>();
                while (parser.nextToken() == JsonToken.FIELD_NAME) {
                    String name = parser.currentName();
                    parser.nextToken();
                    object.put(name, value(parser));
                }
                yield object;
            }
            case START_ARRAY -> {
                List<Object> array = new ArrayList<>();
                while (parser.nextToken() != JsonToken.END_ARRAY) {
                    array.add(value(parser));
                }
                yield array;
            }
            case VALUE_STRING -> parser.getText();
            case VALUE_NUMBER_INT, VALUE_NUMBER_FLOAT -> parser.getNumberValue();
            case VALUE_TRUE -> Boolean.TRUE;
            case VALUE_FALSE -> Boolean.FALSE;
            case VALUE_NULL -> null;
            default -> throw new IOException("unexpected " + parser.currentToken() + " in a JSON document");
        };
    }
}
