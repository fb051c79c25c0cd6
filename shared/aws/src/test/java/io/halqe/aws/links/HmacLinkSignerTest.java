package io.halqe.aws.links;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.halqe.domain.core.Customer;
import io.halqe.domain.links.Invitation;
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
            new Customer("c-1", "ali@example.com", null, "علی", "fa"), Map.of("plan", "pro", "orderId", "A-1"), "email",
            Instant.parse("2026-12-23T10:00:00Z"));

    @Test
    void verify_shouldReturnTheInvitation_whenTheTokenIsUntouched() {
        String token = signer.sign(invitation);
        assertThat(token).matches("[A-Za-z0-9_-]+\\.[A-Za-z0-9_-]+");
        assertThat(signer.verify(token, NOW)).isEqualTo(new LinkCheck.Valid(invitation));
    }

    @Test
    void verify_shouldRefuse_whenPayloadOrSignatureIsTamperedOrKeyDiffers() {
        String token = signer.sign(invitation);
        String[] parts = token.split("\\.");
        String payload = new String(Base64.getUrlDecoder().decode(parts[0]), StandardCharsets.UTF_8);
        String richer = Base64.getUrlEncoder().withoutPadding().encodeToString(
                payload.replace("\"pro\"", "\"enterprise\"").getBytes(StandardCharsets.UTF_8));
        assertThat(signer.verify(richer + "." + parts[1], NOW)).isEqualTo(new LinkCheck.Forged());
        char last = parts[1].charAt(parts[1].length() - 2);
        String flipped = parts[1].substring(0, parts[1].length() - 2) + (last == 'A' ? 'B' : 'A') + parts[1].charAt(parts[1].length() - 1);
        assertThat(signer.verify(parts[0] + "." + flipped, NOW)).isEqualTo(new LinkCheck.Forged());
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
    void unsubscribeLinks_shouldNameTheirAddress_andRefuseForgeriesAndSurveyTokens() {
        HmacUnsubscribeLinks links = new HmacUnsubscribeLinks(KEY, "https://f.example.com");
        String url = links.urlFor("sara@example.com");
        String token = url.substring(url.lastIndexOf('/') + 1);
        assertThat(url).startsWith("https://f.example.com/u/");
        assertThat(links.emailOf(token)).contains("sara@example.com");
        String other = Base64.getUrlEncoder().withoutPadding().encodeToString("boss@example.com".getBytes(StandardCharsets.UTF_8));
        assertThat(links.emailOf(other + token.substring(token.indexOf('.')))).isEmpty();
        assertThat(links.emailOf(signer.sign(invitation))).isEmpty();
        assertThat(links.emailOf("garbage")).isEmpty();
    }
}
