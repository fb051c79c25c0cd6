package io.halqe.aws.dynamo;

import com.fasterxml.jackson.core.type.TypeReference;
import io.halqe.aws.json.Json;
import io.halqe.domain.core.InvalidCursorException;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/** Opaque page cursors: a LastEvaluatedKey of string attributes, base64url-encoded; anything else is rejected. */
final class Cursors {

    private Cursors() {
    }

    static String encode(Map<String, AttributeValue> lastEvaluatedKey) {
        if (lastEvaluatedKey == null || lastEvaluatedKey.isEmpty()) {
            return null;
        }
        Map<String, String> plain = new LinkedHashMap<>();
        lastEvaluatedKey.forEach((name, value) -> plain.put(name, value.s()));
        return Base64.getUrlEncoder().withoutPadding().encodeToString(Json.write(plain).getBytes(StandardCharsets.UTF_8));
    }

    static Map<String, AttributeValue> decode(String cursor, Set<String> keyAttributes) {
        if (cursor == null || cursor.isBlank()) {
            return null;
        }
        try {
            Map<String, String> plain = Json.MAPPER.readValue(Base64.getUrlDecoder().decode(cursor),
                    new TypeReference<Map<String, String>>() { });
            if (!plain.keySet().equals(keyAttributes) || plain.values().stream().anyMatch(v -> v == null)) {
                throw new InvalidCursorException();
            }
            Map<String, AttributeValue> key = new LinkedHashMap<>();
            plain.forEach((name, value) -> key.put(name, AttributeValue.fromS(value)));
            return key;
        } catch (IllegalArgumentException | java.io.IOException e) {
            throw new InvalidCursorException();
        }
    }
}
