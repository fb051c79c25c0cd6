package io.halqe.aws.links;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.halqe.domain.core.Customer;
import io.halqe.domain.links.Invitation;
import io.halqe.domain.suppression.SuppressionList;
import io.halqe.domain.links.LinkSigner.LinkCheck;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Base64;
import java.util.Map;
import org.junit.jupiter.api.Test;

class HmacLinkSignerTest {

    private static final Instant NOW = Instant.parse("2026-11-23T10:00:00Z");
    private static final byte[] KEY = "0123456789abcdef0123456789abcdef-test-key".getBytes(StandardCharsets.UTF_8);
    private final HmacLinkSigner signer = new HmacLinkSigner(KEY);
    private final Invitation invitation = new Invitation("inv-1", "demo-nps",
            new Customer("c-1", "ali@example.com", "+989121234567", "علی", "fa"), Map.of("plan", "pro", "orderId", "A-1"),
            "email", Instant.parse("2026-12-23T10:00:00Z"));

    private static String decodedPayload(String token) {
        return new String(Base64.getUrlDecoder().decode(token.split("\\.")[1]), StandardCharsets.UTF_8);
    }

    /** A link as signed before tokens were written with the streaming core (HMAC-SHA256 computed apart). */
    private static final String SENT_BEFORE = "1.eyJ2IjoyLCJpIjoiaW52LTEiLCJzIjoiZGVtby1ucHMiLCJleHAiOjE3OTgwMjAwMDB9"
            + ".Bt-h1Ge6V0SJgLmrdNHt9DPRD7n2AWrevv4eMDPV7hc";

    @Test
    void sign_shouldWriteTheSameTokenAsBefore_andVerifyLinksAlreadySent() {
        // GIVEN a link sent before, {"v":2,"i":"inv-1","s":"demo-nps","exp":…} signed with the key
        // WHEN the same invitation is signed now THEN the token is the same, byte for byte
        assertThat(signer.sign(invitation)).isEqualTo(SENT_BEFORE);
        // AND the link already sent still opens its invitation
        assertThat(signer.verify(SENT_BEFORE, NOW)).isEqualTo(new LinkCheck.Valid(new Invitation("inv-1", "demo-nps",
                new Customer(null, null, null, null, null), Map.of(), null, invitation.expiresAt())));
    }

    @Test
    void verify_shouldNameTheInvitation_andTheTokenShouldCarryNoPersonalData() {
        // WHEN an invitation is signed
        String token = signer.sign(invitation);
        // THEN the token names its key, the invitation, survey and expiry, and nothing about the person
        assertThat(token).matches("1\\.[A-Za-z0-9_-]+\\.[A-Za-z0-9_-]+");
        assertThat(decodedPayload(token)).contains("inv-1").contains("demo-nps")
                .doesNotContain("ali@").doesNotContain("989121234567").doesNotContain("علی").doesNotContain("A-1");
        assertThat(signer.verify(token, NOW)).isEqualTo(new LinkCheck.Valid(new Invitation("inv-1", "demo-nps",
                new Customer(null, null, null, null, null), Map.of(), null, invitation.expiresAt())));
    }

    @Test
    void verify_shouldRefuse_whenPayloadOrSignatureIsTamperedOrKeyDiffers() {
        String token = signer.sign(invitation);
        String[] parts = token.split("\\.");
        String other = Base64.getUrlEncoder().withoutPadding().encodeToString(
                decodedPayload(token).replace("inv-1", "inv-2").getBytes(StandardCharsets.UTF_8));
        assertThat(signer.verify(parts[0] + "." + other + "." + parts[2], NOW)).isEqualTo(new LinkCheck.Forged());
        char last = parts[2].charAt(parts[2].length() - 2);
        String flipped = parts[2].substring(0, parts[2].length() - 2) + (last == 'A' ? 'B' : 'A') + parts[2].charAt(parts[2].length() - 1);
        assertThat(signer.verify(parts[0] + "." + parts[1] + "." + flipped, NOW)).isEqualTo(new LinkCheck.Forged());
        assertThat(signer.verify("9." + parts[1] + "." + parts[2], NOW)).isEqualTo(new LinkCheck.Forged());
        assertThat(new HmacLinkSigner("another-key-another-key-another-key".getBytes(StandardCharsets.UTF_8)).verify(token, NOW))
                .isEqualTo(new LinkCheck.Forged());
        for (String garbage : new String[] {"", ".", "abc", "a.b.c", "%%%.###", parts[0] + ".", null, "x".repeat(5000)}) {
            assertThat(signer.verify(garbage, NOW)).as(String.valueOf(garbage)).isEqualTo(new LinkCheck.Forged());
        }
    }

    @Test
    void verify_shouldReportExpiry_whenTheLinkIsTooOld() {
        String token = signer.sign(invitation);
        assertThat(signer.verify(token, Instant.parse("2026-12-23T10:00:01Z")))
                .isEqualTo(new LinkCheck.Expired(Instant.parse("2026-12-23T10:00:00Z")));
    }

    @Test
    void signer_shouldRefuseAShortKey() {
        assertThatThrownBy(() -> new HmacLinkSigner(new byte[16])).hasMessageContaining("at least 32 bytes");
    }

    @Test
    void rotation_shouldKeepOldLinksWorking_untilTheOldKeyIsDropped() {
        // GIVEN a link signed before the rotation (a single key: key id 1)
        String before = signer.sign(invitation);
        // WHEN a new key becomes current and the old one stays in the keyring
        Keyring rotated = Keyring.parse("{\"current\":\"2\",\"keys\":{\"1\":\"" + new String(KEY, StandardCharsets.UTF_8)
                + "\",\"2\":\"a-brand-new-key-a-brand-new-key-0001\"}}");
        HmacLinkSigner afterRotation = new HmacLinkSigner(rotated);
        // THEN the old link still opens, new links name key 2, and dropping key 1 retires the old link
        assertThat(afterRotation.verify(before, NOW)).isInstanceOf(LinkCheck.Valid.class);
        assertThat(afterRotation.sign(invitation)).startsWith("2.");
        HmacLinkSigner withoutOldKey = new HmacLinkSigner(Keyring.parse(
                "{\"current\":\"2\",\"keys\":{\"2\":\"a-brand-new-key-a-brand-new-key-0001\"}}"));
        assertThat(withoutOldKey.verify(before, NOW)).isEqualTo(new LinkCheck.Forged());
    }

    @Test
    void unsubscribeLinks_shouldNameASuppressionId_notTheAddress_andRefuseSurveyTokens() {
        HmacUnsubscribeLinks links = new HmacUnsubscribeLinks(KEY, "https://f.example.com");
        String url = links.urlFor("Sara@Example.com", NOW);
        String token = url.substring(url.lastIndexOf('/') + 1);
        assertThat(url).startsWith("https://f.example.com/u/");
        assertThat(decodedPayload(token)).doesNotContain("sara").doesNotContain("example");
        assertThat(links.suppressionIdOf(token, NOW)).contains(SuppressionList.idOf("sara@example.com"));
        // a survey link signed with the same keyring is not an unsubscribe link (each purpose has its own key)
        assertThat(links.suppressionIdOf(signer.sign(invitation), NOW)).isEmpty();
        assertThat(signer.verify(token, NOW)).isEqualTo(new LinkCheck.Forged());
        assertThat(links.suppressionIdOf("garbage", NOW)).isEmpty();
        // and it expires
        assertThat(links.suppressionIdOf(token, NOW.plus(java.time.Duration.ofDays(401)))).isEmpty();
    }
}
