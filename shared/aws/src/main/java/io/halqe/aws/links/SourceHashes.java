package io.halqe.aws.links;

import java.util.Base64;
import javax.crypto.spec.SecretKeySpec;

/**
 * A client address as a keyed hash (HMAC-SHA256 under a key derived from the link key, 128 bits): counters can tell
 * sources apart without anyone reading an address back, and without a table of all IPv4 hashes unlocking them.
 */
public final class SourceHashes {

    private final SecretKeySpec key;

    public SourceHashes(Keyring keyring) {
        this(keyring, "halqe:source");
    }

    /** Hashes for another use ({@code purpose}): the same value hashes differently for each. */
    public SourceHashes(Keyring keyring, String purpose) {
        this.key = new SecretKeySpec(SignedTokens.mac(new SecretKeySpec(keyring.keys().get(keyring.current()), "HmacSHA256"),
                purpose), "HmacSHA256");
    }

    public String of(String address) {
        byte[] digest = SignedTokens.mac(key, address == null ? "" : address);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(java.util.Arrays.copyOf(digest, 16));
    }
}
