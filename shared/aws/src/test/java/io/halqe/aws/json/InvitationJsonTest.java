package io.halqe.aws.json;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.halqe.domain.core.Customer;
import io.halqe.domain.links.Invitation;
import java.io.IOException;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class InvitationJsonTest {

    @Test
    void read_shouldGiveWhatTheMapperGives_forEveryShapeOfAStoredInvitation() throws IOException {
        // GIVEN invitations as they are stored: a whole customer and hidden fields, and one with almost nothing
        for (Invitation invitation : List.of(
                new Invitation("inv-1", "demo-nps", new Customer("c-1", "ali@example.com", "+989121234567", "علی", "fa"),
                        Map.of("plan", "pro", "orderId", "A-1"), "email", Instant.parse("2026-12-23T10:00:00.123Z")),
                new Invitation("inv-2", "demo-nps", null, null, null, null))) {
            String stored = Json.write(invitation);
            // WHEN it is read with the streaming core THEN it is the invitation written, as the mapper reads it
            assertThat(InvitationJson.read(stored)).isEqualTo(invitation)
                    .isEqualTo(Json.MAPPER.readValue(stored, Invitation.class));
        }
    }

    @Test
    void read_shouldRefuse_whenAFieldHasTheWrongKind() {
        // GIVEN invitations with a customer that is text, an expiry that is no time, and hidden fields in a list
        for (String stored : List.of("{\"id\":\"i\",\"customer\":\"c-1\"}", "{\"id\":\"i\",\"expiresAt\":\"soon\"}",
                "{\"id\":\"i\",\"hidden\":[\"plan\"]}")) {
            // WHEN it is read THEN it is refused as unreadable
            assertThatThrownBy(() -> InvitationJson.read(stored)).as(stored).isInstanceOf(IOException.class);
        }
    }
}
