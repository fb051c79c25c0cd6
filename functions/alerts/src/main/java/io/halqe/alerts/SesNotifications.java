package io.halqe.alerts;

import com.fasterxml.jackson.databind.JsonNode;
import io.halqe.aws.json.Json;
import io.halqe.domain.suppression.RecordEmailFeedback.EmailFeedback;
import java.io.IOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * SES event notifications as SNS carries them: configuration-set events ({@code eventType}) or identity
 * notifications ({@code notificationType}), {@code Bounce} or {@code Complaint} with their recipients.
 */
final class SesNotifications {

    private SesNotifications() {
    }

    static EmailFeedback read(String message) throws IOException {
        JsonNode root = Json.MAPPER.readTree(message);
        String type = root.hasNonNull("eventType") ? root.get("eventType").asText() : root.path("notificationType").asText();
        List<String> recipients = new ArrayList<>();
        String bounceType = null;
        String timestamp = null;
        if (type.equals("Bounce")) {
            JsonNode bounce = root.path("bounce");
            bounceType = bounce.path("bounceType").asText(null);
            timestamp = bounce.path("timestamp").asText(null);
            bounce.path("bouncedRecipients").forEach(r -> recipients.add(r.path("emailAddress").asText()));
        } else if (type.equals("Complaint")) {
            JsonNode complaint = root.path("complaint");
            timestamp = complaint.path("timestamp").asText(null);
            complaint.path("complainedRecipients").forEach(r -> recipients.add(r.path("emailAddress").asText()));
        }
        return new EmailFeedback(type, bounceType, recipients, timestamp == null ? Instant.EPOCH : Instant.parse(timestamp));
    }
}
