package io.halqe.aws.links;

import io.halqe.domain.suppression.SuppressionList;
import io.halqe.domain.suppression.UnsubscribeLinks;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * Unsubscribe links that carry no address: the suppression id (the address's hash) and an expiry, signed with the
 * unsubscribe key (see {@link SignedTokens}), so a link can neither be forged for another address nor read.
 */
public final class HmacUnsubscribeLinks implements UnsubscribeLinks {

    /** Long enough for any old email in an inbox; short enough that a leaked link does not work forever. */
    static final Duration VALIDITY = Duration.ofDays(400);

    private final SignedTokens tokens;
    private final String publicBaseUrl;

    public HmacUnsubscribeLinks(Keyring keys, String publicBaseUrl) {
        this.tokens = new SignedTokens(keys, "unsubscribe-links");
        this.publicBaseUrl = publicBaseUrl;
    }

    public HmacUnsubscribeLinks(byte[] key, String publicBaseUrl) {
        this(Keyring.single(key), publicBaseUrl);
    }

    @Override
    public String urlFor(String address, Instant at) {
        Map<String, Object> payload = new LinkedHashMap<>();
        payload.put("a", SuppressionList.idOf(address));
        payload.put("exp", at.plus(VALIDITY).getEpochSecond());
        return publicBaseUrl + "/u/" + tokens.sign(payload);
    }

    @Override
    public Optional<String> suppressionIdOf(String token, Instant now) {
        Map<String, Object> payload = tokens.verify(token).orElse(Map.of());
        String suppressionId = SignedTokens.text(payload, "a");
        Long expiry = SignedTokens.whole(payload, "exp");
        return suppressionId != null && expiry != null && !now.isAfter(Instant.ofEpochSecond(expiry))
                ? Optional.of(suppressionId) : Optional.empty();
    }
}
