package io.halqe.domain.cases;

import io.halqe.domain.core.Mailer;

import io.halqe.domain.suppression.UnsubscribeFooter;
import io.halqe.domain.text.Html;
import java.util.List;

/**
 * An email to a customer in their language (RTL for fa and ar): our words around their message, every value escaped,
 * a plain-text part, and the unsubscribe link in the body and in the List-Unsubscribe headers (one-click, RFC 8058).
 */
public final class CustomerEmail {

    /** Why we write: the wording around the message differs, the rules for customer email do not. */
    public enum Purpose { CASE_FOLLOW_UP, ANNOUNCEMENT }

    private CustomerEmail() {
    }

    public static Mailer.Email build(Purpose purpose, String email, String language, String message, String unsubscribeUrl) {
        String lang = language == null ? "en" : language;
        String subject = switch (purpose) {
            case CASE_FOLLOW_UP -> switch (lang) {
                case "fa" -> "پیگیری بازخورد شما";
                case "ar" -> "متابعة ملاحظاتك";
                default -> "About your feedback";
            };
            case ANNOUNCEMENT -> switch (lang) {
                case "fa" -> "شما خواستید، ما انجام دادیم";
                case "ar" -> "طلبتم ونفّذنا";
                default -> "You asked, we did";
            };
        };
        String intro = switch (purpose) {
            case CASE_FOLLOW_UP -> switch (lang) {
                case "fa" -> "از بازخورد شما سپاسگزاریم. این کاری است که انجام دادیم:";
                case "ar" -> "شكرًا لملاحظاتك. هذا ما قمنا به:";
                default -> "Thank you for your feedback. Here is what we did:";
            };
            case ANNOUNCEMENT -> switch (lang) {
                case "fa" -> "شما درباره این موضوع به ما بازخورد دادید. این چیزی است که تغییر کرد:";
                case "ar" -> "لقد شاركتنا ملاحظاتك حول هذا الموضوع. إليك ما تغيّر:";
                default -> "You told us about this. Here is what changed:";
            };
        };
        String dir = lang.equals("fa") || lang.equals("ar") ? "rtl" : "ltr";
        String text = intro + "\n\n" + message.strip() + "\n\n" + UnsubscribeFooter.text(lang, unsubscribeUrl);
        String html = "<!doctype html><html lang=\"" + Html.escape(lang) + "\" dir=\"" + dir + "\"><body>"
                + "<p>" + Html.escape(intro) + "</p><blockquote dir=\"auto\">" + Html.escape(message.strip()).replace("\n", "<br>")
                + "</blockquote>" + UnsubscribeFooter.html(lang, unsubscribeUrl) + "</body></html>";
        return new Mailer.Email(List.of(email), subject, text, html, UnsubscribeFooter.headers(unsubscribeUrl));
    }
}
