package io.halqe.domain.suppression;

import io.halqe.domain.core.Page;
import io.halqe.domain.text.EmailAddresses;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.HexFormat;

/**
 * Addresses (email or phone) Halqe must not contact: unsubscribed, bounced, complained, or added by an admin. Every
 * customer email and SMS honours it. Entries are kept under the hash of the address ({@link #idOf}), so one can
 * outlive the readable address (an erased person is never contacted again, yet nothing names them), and the admin API
 * names an entry without putting an address in a URL.
 */
public interface SuppressionList {

    boolean isSuppressed(String address);

    void suppress(String address, String reason, Instant at);

    /** Suppresses by id (an unsubscribe link's, which carries no address); an entry's address is kept. */
    void suppressId(String id, String reason, Instant at);

    /** Lets the address with this id be contacted again; false when it was not suppressed. */
    boolean lift(String id);

    /** Every entry, in id order; an erased person's entry shows no address. */
    Page<Suppression> list(int limit, String cursor);

    /** Suppresses the address (if it was not) and drops its readable form: what erasing a person leaves. */
    void forget(String address, Instant at);

    /** One entry: {@code address} is null once the person was erased. */
    record Suppression(String id, String address, String reason, Instant at) {
    }

    /** Hex SHA-256 of the canonical address: the same inbox or number always has the same id. */
    static String idOf(String address) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(EmailAddresses.canonical(address).getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JVM has SHA-256", e);
        }
    }
}
