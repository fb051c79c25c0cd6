package io.halqe.aws.json;

import static io.halqe.aws.json.PlainFields.object;
import static io.halqe.aws.json.PlainFields.strings;

import io.halqe.domain.core.Customer;
import io.halqe.domain.links.Invitation;
import java.io.IOException;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Map;

/**
 * A stored invitation (what {@link Json#write} made of an {@link Invitation}) read with the streaming core alone, as
 * the mapper reads it: a survey link's first request after a cold start (an email campaign's clicks start many at
 * once) reads its invitation and needs no data-binding mapper otherwise.
 */
public final class InvitationJson {

    private InvitationJson() {
    }

    public static Invitation read(String json) throws IOException {
        try {
            Map<String, Object> invitation = JsonStreams.readObject(json);
            Object expiresAt = invitation.get("expiresAt");
            return new Invitation((String) invitation.get("id"), (String) invitation.get("surveyId"),
                    customer(invitation.get("customer")), strings(invitation.get("hidden")),
                    (String) invitation.get("channel"), expiresAt == null ? null : Instant.parse((String) expiresAt));
        } catch (ClassCastException | IllegalArgumentException | DateTimeParseException wrongKind) {
            throw new IOException("not an invitation: " + wrongKind.getMessage(), wrongKind);
        }
    }

    private static Customer customer(Object value) {
        if (value == null) {
            return null;
        }
        Map<String, Object> customer = object(value);
        return new Customer((String) customer.get("id"), (String) customer.get("email"), (String) customer.get("phone"),
                (String) customer.get("name"), (String) customer.get("locale"));
    }
}
