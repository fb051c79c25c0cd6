package io.halqe.domain.suppression;

import io.halqe.domain.text.Html;
import java.util.Map;

/**
 * What every email to a customer carries, in their language: a visible unsubscribe link, and the RFC 8058 headers
 * mail providers require for one-click unsubscribe ({@code List-Unsubscribe} + {@code List-Unsubscribe-Post}).
 */
public final class UnsubscribeFooter {

    private UnsubscribeFooter() {
    }

    public static String label(String language) {
        return switch (language == null ? "en" : language) {
            case "fa" -> "لغو اشتراک";
            case "ar" -> "إلغاء الاشتراك";
            default -> "Unsubscribe";
        };
    }

    public static String text(String language, String unsubscribeUrl) {
        return label(language) + ": " + unsubscribeUrl + "\n";
    }

    public static String html(String language, String unsubscribeUrl) {
        return "<p style=\"font-size:small\"><a href=\"" + Html.escape(unsubscribeUrl) + "\">"
                + Html.escape(label(language)) + "</a></p>";
    }

    public static Map<String, String> headers(String unsubscribeUrl) {
        return Map.of("List-Unsubscribe", "<" + unsubscribeUrl + ">", "List-Unsubscribe-Post", "List-Unsubscribe=One-Click");
    }
}
