package io.halqe.aws.links;

import io.halqe.aws.json.JsonStreams;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The link signing keys, by key id: new tokens are signed with {@code current}, and a token names the key that signed
 * it, so rotating (a new current key, the old one kept until its links expire) breaks no link already sent. The
 * secret is either one key (its id is {@code "1"}) or {@code {"current":"2","keys":{"1":"…","2":"…"}}}.
 */
public record Keyring(String current, Map<String, byte[]> keys) {

    static final int MIN_KEY_BYTES = 32;

    public Keyring {
        keys = Map.copyOf(keys);
        if (!keys.containsKey(current)) {
            throw new IllegalStateException("the signing keyring has no current key " + current);
        }
        keys.forEach((id, key) -> {
            if (!id.matches("[A-Za-z0-9_-]{1,16}")) {
                throw new IllegalStateException("signing key id " + id + " must be 1-16 letters, digits, _ or -");
            }
            if (key.length < MIN_KEY_BYTES) {
                throw new IllegalStateException("signing key " + id + " must have at least " + MIN_KEY_BYTES + " bytes");
            }
        });
    }

    /** One key: the form the template generates. */
    public static Keyring single(byte[] key) {
        return new Keyring("1", Map.of("1", key.clone()));
    }

    public static Keyring parse(String secret) {
        String value = secret.strip();
        if (!value.startsWith("{")) {
            return single(value.getBytes(StandardCharsets.UTF_8));
        }
        try {
            Map<String, Object> ring = JsonStreams.readObject(value);
            Map<String, byte[]> keys = new LinkedHashMap<>();
            if (ring.get("keys") instanceof Map<?, ?> stored) {
                stored.forEach((id, key) -> keys.put(id.toString(), String.valueOf(key).getBytes(StandardCharsets.UTF_8)));
            }
            return new Keyring(String.valueOf(ring.get("current")), keys);
        } catch (IOException e) {
            throw new IllegalStateException("the signing secret is neither a key nor a keyring: " + e.getMessage());
        }
    }
}
