package io.halqe.aws.links;

import io.halqe.domain.suppression.UnsubscribeLinks;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.Base64;
import java.util.Optional;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * {@code <base>/u/<base64url(address)>.<base64url(HMAC-SHA256(key, "unsubscribe\n" + address))>}: signed with the
 * survey-link key under its own purpose prefix, so neither kind of token can stand in for the other.
 */
public final class HmacUnsubscribeLinks implements UnsubscribeLinks {

    private static final Base64.Encoder ENCODER = Base64.getUrlEncoder().withoutPadding();
    private static final Base64.Decoder DECODER = Base64.getUrlDecoder();

    private final SecretKeySpec key;
    private final String publicBaseUrl;

    public HmacUnsubscribeLinks(byte[] key, String publicBaseUrl) {
        this.key = new SecretKeySpec(key.clone(), "HmacSHA256");
        this.publicBaseUrl = publicBaseUrl;
    }

    @Override
    public String urlFor(String email) {
        return publicBaseUrl + "/u/" + token(email);
    }

    String token(String email) {
        return ENCODER.encodeToString(email.getBytes(StandardCharsets.UTF_8)) + "." + ENCODER.encodeToString(mac(email));
    }

    @Override
    public Optional<String> emailOf(String token) {
        if (token == null || token.length() > 1000) {
            return Optional.empty();
        }
        int dot = token.indexOf('.');
        if (dot <= 0 || dot != token.lastIndexOf('.')) {
            return Optional.empty();
        }
        try {
            String email = new String(DECODER.decode(token.substring(0, dot)), StandardCharsets.UTF_8);
            return MessageDigest.isEqual(mac(email), DECODER.decode(token.substring(dot + 1))) ? Optional.of(email) : Optional.empty();
        } catch (IllegalArgumentException malformed) {
            return Optional.empty();
        }
    }

    private byte[] mac(String email) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(key);
            return mac.doFinal(("unsubscribe\n" + email).getBytes(StandardCharsets.UTF_8));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }
}
