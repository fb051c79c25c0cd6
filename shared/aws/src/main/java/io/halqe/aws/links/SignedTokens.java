package io.halqe.aws.links;

import io.halqe.aws.json.JsonStreams;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.Base64;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Tokens {@code keyId "." base64url(payload JSON) "." base64url(HMAC-SHA256 of the two)}: the key id lets an old key
 * still verify after rotation. Each
 * purpose (survey links, unsubscribe links) signs with its own key, derived from the keyring's, so a token of one can
 * never pass as the other. The MAC is compared in constant time before the payload is even parsed.
 */
final class SignedTokens {

    private static final String ALGORITHM = "HmacSHA256";
    private static final int MAX_TOKEN_LENGTH = 2048;
    private static final Base64.Encoder ENCODER = Base64.getUrlEncoder().withoutPadding();
    private static final Base64.Decoder DECODER = Base64.getUrlDecoder();

    private final String current;
    private final Map<String, SecretKeySpec> keys = new HashMap<>();

    SignedTokens(Keyring keyring, String purpose) {
        this.current = keyring.current();
        keyring.keys().forEach((id, key) -> keys.put(id, derivedKey(key, "halqe:" + purpose)));
    }

    /** The key for one use, {@code label}, derived from a keyring's {@code key}: its MAC of the label. */
    static SecretKeySpec derivedKey(byte[] key, String label) {
        return new SecretKeySpec(mac(new SecretKeySpec(key, ALGORITHM), label), ALGORITHM);
    }

    /** A token for {@code payload}, plain values (written with the streaming core: no data-binding mapper). */
    String sign(Map<String, Object> payload) {
        String json = JsonStreams.writePlain(payload);
        String signed = current + "." + ENCODER.encodeToString(json.getBytes(StandardCharsets.UTF_8));
        return signed + "." + ENCODER.encodeToString(mac(keys.get(current), signed));
    }

    /** The payload of a token this keyring signed; empty for anything malformed, tampered or of an unknown key. */
    Optional<Map<String, Object>> verify(String token) {
        if (token == null || token.length() > MAX_TOKEN_LENGTH) {
            return Optional.empty();
        }
        String[] parts = token.split("\\.", -1);
        if (parts.length != 3 || !keys.containsKey(parts[0])) {
            return Optional.empty();
        }
        String signed = parts[0] + "." + parts[1];
        try {
            if (!MessageDigest.isEqual(mac(keys.get(parts[0]), signed), DECODER.decode(parts[2]))) {
                return Optional.empty();
            }
            return Optional.of(JsonStreams.readObject(new String(DECODER.decode(parts[1]), StandardCharsets.UTF_8)));
        } catch (IllegalArgumentException | IOException malformed) {
            return Optional.empty();
        }
    }

    /** A payload's text field, or null when it is missing or not text. */
    static String text(Map<String, Object> payload, String field) {
        return payload.get(field) instanceof String text ? text : null;
    }

    /** A payload's whole-number field (what {@link #sign} wrote as a long), or null when it is missing or not one. */
    static Long whole(Map<String, Object> payload, String field) {
        return switch (payload.get(field)) {
            case Integer number -> number.longValue();
            case Long number -> number;
            case null, default -> null;
        };
    }

    static byte[] mac(SecretKeySpec key, String data) {
        return macFor(key).doFinal(data.getBytes(StandardCharsets.UTF_8));
    }

    /** A MAC keyed with {@code key}, ready to use (and to reuse: doFinal resets it). */
    static Mac macFor(SecretKeySpec key) {
        try {
            Mac mac = Mac.getInstance(key.getAlgorithm());
            mac.init(key);
            return mac;
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }
}
