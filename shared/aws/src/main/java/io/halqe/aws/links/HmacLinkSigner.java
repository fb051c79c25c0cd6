package io.halqe.aws.links;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.halqe.aws.json.Json;
import io.halqe.domain.core.Customer;
import io.halqe.domain.links.Invitation;
import io.halqe.domain.links.LinkSigner;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.time.Instant;
import java.util.Base64;
import java.util.Map;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Tokens {@code base64url(payload JSON) "." base64url(HMAC-SHA256(key, first part))}: readable, URL-safe, and
 * verified by recomputing the MAC and comparing in constant time before anything in the payload is trusted.
 */
public final class HmacLinkSigner implements LinkSigner {

    private static final String ALGORITHM = "HmacSHA256";
    private static final int MIN_KEY_BYTES = 32;
    private static final int MAX_TOKEN_LENGTH = 4096;
    private static final Base64.Encoder ENCODER = Base64.getUrlEncoder().withoutPadding();
    private static final Base64.Decoder DECODER = Base64.getUrlDecoder();

    private final SecretKeySpec key;

    public HmacLinkSigner(byte[] key) {
        if (key.length < MIN_KEY_BYTES) {
            throw new IllegalStateException("the link signing key must have at least " + MIN_KEY_BYTES + " bytes");
        }
        this.key = new SecretKeySpec(key.clone(), ALGORITHM);
    }

    /** The wire form of an invitation: short names keep links short. */
    @JsonInclude(JsonInclude.Include.NON_EMPTY)
    record Payload(int v, String i, String s, Customer c, Map<String, String> h, String ch, long exp) {
    }

    @Override
    public String sign(Invitation invitation) {
        String payload = ENCODER.encodeToString(Json.write(new Payload(1, invitation.id(), invitation.surveyId(),
                invitation.customer(), invitation.hidden(), invitation.channel(), invitation.expiresAt().getEpochSecond()))
                .getBytes(StandardCharsets.UTF_8));
        return payload + "." + ENCODER.encodeToString(mac(payload));
    }

    @Override
    public LinkCheck verify(String token, Instant now) {
        if (token == null || token.length() > MAX_TOKEN_LENGTH) {
            return new LinkCheck.Forged();
        }
        int dot = token.indexOf('.');
        if (dot <= 0 || dot != token.lastIndexOf('.')) {
            return new LinkCheck.Forged();
        }
        String payload = token.substring(0, dot);
        try {
            byte[] presented = DECODER.decode(token.substring(dot + 1));
            if (!MessageDigest.isEqual(mac(payload), presented)) {
                return new LinkCheck.Forged();
            }
            Payload read = Json.MAPPER.readValue(DECODER.decode(payload), Payload.class);
            if (read.v() != 1 || read.i() == null || read.s() == null) {
                return new LinkCheck.Forged();
            }
            Instant expiresAt = Instant.ofEpochSecond(read.exp());
            if (now.isAfter(expiresAt)) {
                return new LinkCheck.Expired(expiresAt);
            }
            Customer customer = read.c() == null ? new Customer(null, null, null, null, null) : read.c();
            return new LinkCheck.Valid(new Invitation(read.i(), read.s(), customer, read.h(), read.ch(), expiresAt));
        } catch (IllegalArgumentException | java.io.IOException malformed) {
            return new LinkCheck.Forged();
        }
    }

    private byte[] mac(String payload) {
        try {
            Mac mac = Mac.getInstance(ALGORITHM);
            mac.init(key);
            return mac.doFinal(payload.getBytes(StandardCharsets.US_ASCII));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }
}
