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
 * JSON with Jackson's streaming core alone, for what every invocation of a stream function or a submission does:
 * read its event, answer it, write its metrics and log lines. Building {@link Json}'s data-binding mapper takes about
 * a third of a cold start's first invocation (scoring's, measured with {@code -Xlog:class+load}), and none of these
 * needs it.
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
            return document(parser);
        }
    }

    private static Object document(JsonParser parser) throws IOException {
        if (parser.nextToken() == null) {
            throw new IOException("no JSON document");
        }
        Object value = value(parser);
        if (parser.nextToken() != null) {
            throw new IOException("more than one JSON document");
        }
        return value;
    }

    /** One JSON document in a string, as {@link #read(InputStream)} gives it. */
    public static Object read(String text) throws IOException {
        try (JsonParser parser = FACTORY.createParser(text)) {
            return document(parser);
        }
    }

    /** A JSON object's fields by name, as {@link #read(String)} gives them; refused when the document is no object. */
    public static Map<String, Object> readObject(String text) throws IOException {
        return object(read(text));
    }

    /** The same from a stream. */
    public static Map<String, Object> readObject(InputStream input) throws IOException {
        return object(read(input));
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> object(Object document) throws IOException {
        if (document instanceof Map<?, ?> object) {
            return (Map<String, Object>) object;
        }
        throw new IOException("the document is not a JSON object");
    }

    /**
     * Whether {@link #writeValue} can write {@code value}: plain values only (maps with string keys, lists, strings,
     * numbers, booleans and null, nested as deep as they like), not records, which need the data-binding mapper.
     */
    public static boolean isPlain(Object value) {
        return switch (value) {
            case null -> true;
            case String ignored -> true;
            case Number ignored -> true;
            case Boolean ignored -> true;
            case Map<?, ?> map -> map.entrySet().stream().allMatch(entry -> entry.getKey() instanceof String
                    && isPlain(entry.getValue()));
            case List<?> list -> list.stream().allMatch(JsonStreams::isPlain);
            default -> false;
        };
    }

    /** A plain value (see {@link #isPlain}) written as JSON; anything else is refused. */
    public static void writeValue(JsonGenerator json, Object value) throws IOException {
        switch (value) {
            case null -> json.writeNull();
            case String text -> json.writeString(text);
            case Integer number -> json.writeNumber(number);
            case Long number -> json.writeNumber(number);
            case Double number -> json.writeNumber(number);
            case Float number -> json.writeNumber(number);
            case java.math.BigDecimal number -> json.writeNumber(number);
            case java.math.BigInteger number -> json.writeNumber(number);
            case Number number -> json.writeNumber(number.toString());
            case Boolean flag -> json.writeBoolean(flag);
            case Map<?, ?> map -> {
                json.writeStartObject();
                for (Map.Entry<?, ?> entry : map.entrySet()) {
                    json.writeFieldName((String) entry.getKey());
                    writeValue(json, entry.getValue());
                }
                json.writeEndObject();
            }
            case List<?> list -> {
                json.writeStartArray();
                for (Object item : list) {
                    writeValue(json, item);
                }
                json.writeEndArray();
            }
            default -> throw new IllegalArgumentException("not a plain JSON value: " + value.getClass().getName());
        }
    }

    /** A plain value (see {@link #isPlain}) written into a string; anything else is refused. */
    public static String writePlain(Object value) {
        return write(json -> writeValue(json, value));
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
