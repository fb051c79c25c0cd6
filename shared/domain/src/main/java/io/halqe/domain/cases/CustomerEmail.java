package io.halqe.domain.cases;

import io.halqe.domain.core.Mailer;
import io.halqe.domain.email.BrandedEmail;
import io.halqe.domain.survey.Branding;

/**
 * An email to a customer in their language (RTL for fa and ar): our words around their message, every value escaped, in
 * the account's {@link BrandedEmail} layout (plain-text part, unsubscribe link and one-click headers included).
 */
public final class CustomerEmail {

    /** Why we write: the wording around the message differs, the rules for customer email do not. */
    public enum Purpose { CASE_FOLLOW_UP, ANNOUNCEMENT }

    private CustomerEmail() {
    }

    /** {@code brand}: the account's branding (these emails belong to no one survey). */
    public static Mailer.Email build(Purpose purpose, String email, String language, String message, String unsubscribeUrl,
                                     Branding brand) {
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
        return BrandedEmail.build(email, subject, lang, lang, brand,
                BrandedEmail.paragraph(intro) + "<blockquote dir=\"auto\" style=\"margin:0 0 16px;padding:12px 16px 0;"
                        + "background:#f4f4f5;border-radius:6px\">"
                        + BrandedEmail.paragraph(message.strip()) + "</blockquote>",
                intro + "\n\n" + message.strip(), unsubscribeUrl);
    }
}
