package io.halqe.api;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/** The admin bearer key, held only as its SHA-256 and compared in constant time. */
public final class AdminKey {

    private final byte[] sha256;

    private AdminKey(byte[] sha256) {
        this.sha256 = sha256;
    }

    public static AdminKey fromSha256Hex(String hex) {
        byte[] digest = HexFormat.of().parseHex(hex.strip().toLowerCase(java.util.Locale.ROOT));
        if (digest.length != 32) {
            throw new IllegalStateException("configuration HALQE_API_KEY_SHA256 must be 64 hex characters");
        }
        return new AdminKey(digest);
    }

    public static String sha256Hex(String key) {
        return HexFormat.of().formatHex(digest(key));
    }

    public boolean authorizes(String authorizationHeader) {
        if (authorizationHeader == null || !authorizationHeader.regionMatches(true, 0, "Bearer ", 0, 7)) {
            return false;
        }
        return MessageDigest.isEqual(sha256, digest(authorizationHeader.substring(7).strip()));
    }

    private static byte[] digest(String key) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(key.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
