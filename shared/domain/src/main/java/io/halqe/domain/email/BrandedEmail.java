package io.halqe.domain.email;

import io.halqe.domain.core.Mailer;
import io.halqe.domain.suppression.UnsubscribeFooter;
import io.halqe.domain.survey.Branding;
import io.halqe.domain.text.Html;
import java.util.List;

/**
 * Every email to a customer, in one layout: the brand's logo (or name) on top, our words in the customer's language and
 * direction, the brand's footer and the unsubscribe link, and the RFC 8058 one-click headers. Mail clients render
 * tables and inline styles, not stylesheets or {@code text-align:start}, so the HTML is written that way; every part
 * also goes into a plain-text alternative.
 */
public final class BrandedEmail {

    private static final String FONT = "font-family:system-ui,-apple-system,'Segoe UI',Tahoma,Arial,sans-serif;";

    private BrandedEmail() {
    }

    /**
     * {@code contentHtml} is final HTML (callers have escaped what they put in it); {@code contentText} its plain words.
     * {@code brand} is already merged over the account's default.
     */
    public static Mailer.Email build(String to, String subject, String language, String defaultLanguage, Branding brand,
                                     String contentHtml, String contentText, String unsubscribeUrl) {
        String lang = language == null ? "en" : language;
        boolean rtl = lang.equals("fa") || lang.equals("ar");
        String dir = rtl ? "rtl" : "ltr";
        String align = rtl ? "right" : "left";
        String sender = brand.senderNameIn(lang, defaultLanguage);
        String footer = brand.footerIn(lang, defaultLanguage);
        String header = brand.logoUrl() != null && !brand.logoUrl().isBlank()
                ? "<img src=\"" + Html.escape(brand.logoUrl()) + "\" alt=\"" + Html.escape(sender == null ? "" : sender)
                  + "\" height=\"40\" style=\"display:block;height:40px;width:auto;border:0\">"
                : sender == null ? "" : "<span style=\"" + FONT + "font-size:20px;font-weight:700;color:#1a1a1a\">"
                  + Html.escape(sender) + "</span>";
        String html = "<!doctype html><html lang=\"" + Html.escape(lang) + "\" dir=\"" + dir + "\"><head>"
                + "<meta charset=\"utf-8\"><meta name=\"viewport\" content=\"width=device-width,initial-scale=1\">"
                + "<title>" + Html.escape(subject) + "</title></head>"
                + "<body style=\"margin:0;padding:0;background:#f4f4f5\">"
                + "<table role=\"presentation\" width=\"100%\" cellpadding=\"0\" cellspacing=\"0\" border=\"0\" "
                + "style=\"background:#f4f4f5\"><tr><td align=\"center\" style=\"padding:24px 12px\">"
                + "<table role=\"presentation\" width=\"100%\" cellpadding=\"0\" cellspacing=\"0\" border=\"0\" dir=\"" + dir
                + "\" style=\"max-width:600px;background:#ffffff;border-radius:8px;border-top:4px solid "
                + brand.colorOrDefault() + "\">"
                + (header.isEmpty() ? "" : "<tr><td align=\"" + align + "\" style=\"padding:24px 24px 0\">" + header + "</td></tr>")
                + "<tr><td align=\"" + align + "\" style=\"" + FONT + "padding:16px 24px 24px;font-size:16px;line-height:1.5;"
                + "color:#1a1a1a;text-align:" + align + "\">" + contentHtml + "</td></tr></table>"
                + "<table role=\"presentation\" width=\"100%\" cellpadding=\"0\" cellspacing=\"0\" border=\"0\" dir=\"" + dir
                + "\" style=\"max-width:600px\"><tr><td align=\"center\" style=\"" + FONT + "padding:16px 24px;"
                + "font-size:13px;line-height:1.5;color:#4a4a4a;text-align:center\">"
                + (footer == null ? "" : "<p style=\"margin:0 0 8px\">" + Html.escape(footer) + "</p>")
                + "<a href=\"" + Html.escape(unsubscribeUrl) + "\" style=\"color:#4a4a4a;text-decoration:underline\">"
                + Html.escape(UnsubscribeFooter.label(lang)) + "</a></td></tr></table>"
                + "</td></tr></table></body></html>";
        String text = contentText.strip() + "\n\n" + (footer == null ? "" : footer + "\n") + UnsubscribeFooter.text(lang, unsubscribeUrl);
        return new Mailer.Email(List.of(to), Html.singleLine(subject), text, html, UnsubscribeFooter.headers(unsubscribeUrl),
                sender == null ? null : Html.singleLine(sender));
    }

    /** A link styled as a button in the brand's colour, with text that contrasts with it. */
    public static String button(Branding brand, String url, String label) {
        return "<table role=\"presentation\" cellpadding=\"0\" cellspacing=\"0\" border=\"0\" style=\"margin:16px 0\"><tr>"
                + "<td style=\"border-radius:6px;background:" + brand.colorOrDefault() + "\"><a href=\"" + Html.escape(url)
                + "\" style=\"" + FONT + "display:inline-block;padding:12px 24px;font-size:16px;font-weight:600;color:"
                + brand.textOnColor() + ";text-decoration:none;border-radius:6px\">" + Html.escape(label) + "</a></td></tr></table>";
    }

    /** A paragraph of escaped text; the customer's own line breaks kept. */
    public static String paragraph(String text) {
        return "<p style=\"margin:0 0 16px\">" + Html.escape(text).replace("\n", "<br>") + "</p>";
    }
}
