package io.halqe.aws.links;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * A client address as a keyed hash (HMAC-SHA256 under a key derived from the link key, 128 bits): counters can tell
 * sources apart without anyone reading an address back, and without a table of all IPv4 hashes unlocking them.
 */
public final class SourceHashes {

    /** One keyed MAC per thread, reused (doFinal resets it): every anonymous answer hashes its source. */
    private final ThreadLocal<Mac> macs;

    public SourceHashes(Keyring keyring) {
        this(keyring, "halqe:source");
    }

    /** Hashes for another use ({@code purpose}): the same value hashes differently for each. */
    public SourceHashes(Keyring keyring, String purpose) {
        SecretKeySpec key = SignedTokens.derivedKey(keyring.keys().get(keyring.current()), purpose);
        this.macs = ThreadLocal.withInitial(() -> SignedTokens.macFor(key));
    }

    public String of(String address) {
        byte[] digest = macs.get().doFinal((address == null ? "" : address).getBytes(StandardCharsets.UTF_8));
        return Base64.getUrlEncoder().withoutPadding().encodeToString(java.util.Arrays.copyOf(digest, 16));
    }
}
