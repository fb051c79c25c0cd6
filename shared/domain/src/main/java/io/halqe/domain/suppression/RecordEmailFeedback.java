package io.halqe.domain.suppression;

import java.time.Instant;
import java.util.List;

/**
 * SES's bounce and complaint events: a permanent bounce or a complaint suppresses the address (a transient bounce —
 * mailbox full, greylisting — does not). Recording the same event twice changes nothing.
 */
public final class RecordEmailFeedback {

    /** One SES event: {@code Bounce} (with its bounce type) or {@code Complaint}, and the recipients it names. */
    public record EmailFeedback(String type, String bounceType, List<String> recipients, Instant at) {
        public EmailFeedback {
            recipients = recipients == null ? List.of() : List.copyOf(recipients);
        }
    }

    private final SuppressionList suppression;

    public RecordEmailFeedback(SuppressionList suppression) {
        this.suppression = suppression;
    }

    /** The number of addresses suppressed. */
    public int record(EmailFeedback feedback) {
        String reason = switch (feedback.type()) {
            case "Bounce" -> "Permanent".equals(feedback.bounceType()) ? "bounced" : null;
            case "Complaint" -> "complained";
            default -> null;
        };
        if (reason == null) {
            return 0;
        }
        feedback.recipients().forEach(address -> suppression.suppress(address, reason, feedback.at()));
        return feedback.recipients().size();
    }
}
