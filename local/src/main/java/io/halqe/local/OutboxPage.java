package io.halqe.local;

import java.util.List;
import java.util.Map;

/** The outbox as a page a person reads: every value escaped, each email's HTML in a sandboxed iframe. */
final class OutboxPage {

    private OutboxPage() {
    }

    static String render(Outbox outbox) {
        StringBuilder html = new StringBuilder();
        html.append("<!doctype html><html lang=\"en\"><head><meta charset=\"utf-8\"><title>Halqe local outbox</title>")
                .append("<meta http-equiv=\"refresh\" content=\"5\">")
                .append("<style>body{font-family:system-ui,sans-serif;margin:2rem;max-width:60rem}")
                .append("article{border:1px solid #ccc;border-radius:6px;padding:1rem;margin:1rem 0}")
                .append("dt{font-weight:600}dd{margin:0 0 .5rem 0}pre{white-space:pre-wrap;background:#f6f6f6;padding:.5rem}")
                .append("iframe{width:100%;height:24rem;border:1px solid #ddd}</style></head><body>")
                .append("<h1>Outbox</h1><p>What the functions sent, oldest first. The page reloads every 5 s.</p>");
        List<Outbox.Email> emails = outbox.emails();
        html.append("<h2>Emails (").append(emails.size()).append(")</h2>");
        if (emails.isEmpty()) {
            html.append("<p>No email yet.</p>");
        }
        for (Outbox.Email email : emails) {
            html.append("<article><dl>");
            field(html, "To", String.join(", ", email.to()));
            if (!email.cc().isEmpty()) {
                field(html, "Cc", String.join(", ", email.cc()));
            }
            field(html, "From", email.from());
            field(html, "Subject", email.subject());
            field(html, "Sent at", String.valueOf(email.sentAt()));
            html.append("</dl>");
            if (email.text() != null) {
                html.append("<h3>Text</h3><pre>").append(escape(email.text())).append("</pre>");
            }
            if (email.html() != null) {
                html.append("<h3>HTML</h3><iframe sandbox title=\"email html\" srcdoc=\"")
                        .append(escape(email.html())).append("\"></iframe>");
            }
            html.append("</article>");
        }
        List<Outbox.Notification> notifications = outbox.notifications();
        html.append("<h2>Notifications (").append(notifications.size()).append(")</h2>");
        if (notifications.isEmpty()) {
            html.append("<p>No notification yet.</p>");
        }
        for (Outbox.Notification notification : notifications) {
            html.append("<article><dl>");
            field(html, "Topic", notification.topic());
            field(html, "Subject", notification.subject());
            field(html, "Published at", String.valueOf(notification.publishedAt()));
            for (Map.Entry<String, String> attribute : notification.attributes().entrySet()) {
                field(html, "Attribute " + attribute.getKey(), attribute.getValue());
            }
            html.append("</dl><pre>").append(escape(notification.message())).append("</pre></article>");
        }
        return html.append("</body></html>").toString();
    }

    private static void field(StringBuilder html, String name, String value) {
        html.append("<dt>").append(escape(name)).append("</dt><dd>").append(escape(value)).append("</dd>");
    }

    static String escape(String text) {
        if (text == null) {
            return "";
        }
        StringBuilder escaped = new StringBuilder(text.length());
        for (char c : text.toCharArray()) {
            switch (c) {
                case '&' -> escaped.append("&amp;");
                case '<' -> escaped.append("&lt;");
                case '>' -> escaped.append("&gt;");
                case '"' -> escaped.append("&quot;");
                case '\'' -> escaped.append("&#39;");
                default -> escaped.append(c);
            }
        }
        return escaped.toString();
    }
}
