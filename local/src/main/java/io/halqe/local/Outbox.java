package io.halqe.local;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** What the functions sent: emails (SES v2) and notifications (SNS), in send order. */
public final class Outbox {

    public record Email(String messageId, List<String> to, List<String> cc, List<String> bcc, String from,
                        String subject, String text, String html, String configurationSet,
                        Map<String, String> headers, Instant sentAt) {
    }

    public record Notification(String messageId, String topic, String subject, String message,
                               Map<String, String> attributes, Instant publishedAt) {
    }

    private final List<Email> emails = new ArrayList<>();
    private final List<Notification> notifications = new ArrayList<>();

    synchronized void add(Email email) {
        emails.add(email);
    }

    synchronized void add(Notification notification) {
        notifications.add(notification);
    }

    public synchronized List<Email> emails() {
        return List.copyOf(emails);
    }

    public synchronized List<Notification> notifications() {
        return List.copyOf(notifications);
    }

    public synchronized void clear() {
        emails.clear();
        notifications.clear();
    }
}
