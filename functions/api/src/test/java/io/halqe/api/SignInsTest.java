package io.halqe.api;

import static io.halqe.local.runtime.testing.HandlerTesting.context;
import static io.halqe.local.runtime.testing.HandlerTesting.sampleEvent;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.halqe.domain.access.AuditEntry;
import io.halqe.domain.access.AuditLog;
import io.halqe.domain.access.RecordSignIn;
import io.halqe.domain.core.Page;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class SignInsTest {

    private static final Instant AT = Instant.parse("2026-12-03T10:15:00Z");

    private final List<AuditEntry> entries = new ArrayList<>();
    private final AuditLog log = new AuditLog() {
        @Override
        public void append(AuditEntry entry) {
            entries.add(entry);
        }

        @Override
        public Page<AuditEntry> list(String actor, String target, Instant from, Instant to, int limit, String cursor) {
            return new Page<>(entries, null);
        }
    };
    private final SignIns handler = new SignIns(new RecordSignIn(log), Clock.fixed(AT, ZoneOffset.UTC));

    @Test
    void handleRequest_shouldAuditTheSignIn_andReturnTheEventUnchanged_whenCognitoCallsAfterAPasswordCheck()
            throws Exception {
        // GIVEN Cognito's PostAuthentication event for sara
        byte[] event = Files.readAllBytes(Path.of(sampleEvent("api", "post-authentication.json")));
        ByteArrayOutputStream output = new ByteArrayOutputStream();
        // WHEN the trigger runs
        handler.handleRequest(new ByteArrayInputStream(event), output, context("signins"));
        // THEN the audit log holds her sign-in, by her, at the time, with the client and nothing personal
        assertThat(entries).singleElement().satisfies(entry -> {
            assertThat(entry.actor()).isEqualTo("user:sara");
            assertThat(entry.action()).isEqualTo("sign-in");
            assertThat(entry.target()).isEqualTo("/api/users/sara");
            assertThat(entry.at()).isEqualTo(AT);
            assertThat(entry.summary()).containsOnlyKeys("client");
        });
        // AND Cognito gets its event back as it sent it
        assertThat(output.toByteArray()).isEqualTo(event);
    }

    @Test
    void handleRequest_shouldFailAndAuditNothing_whenTheEventIsNoPostAuthentication() {
        // GIVEN a pre-sign-up event
        String event = "{\"triggerSource\":\"PreSignUp_SignUp\",\"userName\":\"sara\"}";
        // WHEN the trigger runs THEN it refuses it
        assertThatThrownBy(() -> handler.handleRequest(new ByteArrayInputStream(event.getBytes(StandardCharsets.UTF_8)),
                new ByteArrayOutputStream(), context("signins"))).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("PreSignUp_SignUp");
        assertThat(entries).isEmpty();
    }
}
