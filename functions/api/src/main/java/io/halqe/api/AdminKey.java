package io.halqe.api;

import io.halqe.domain.access.ManageApiKeys;
import java.security.MessageDigest;
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
        return ManageApiKeys.sha256Hex(key);
    }

    /** Whether a credential, given as its hex SHA-256 ({@link ManageApiKeys#sha256Hex}), is this key. */
    boolean isKeyWithSha256(String credentialSha256Hex) {
        return MessageDigest.isEqual(sha256, HexFormat.of().parseHex(credentialSha256Hex));
    }
}
