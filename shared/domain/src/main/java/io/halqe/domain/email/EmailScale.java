package io.halqe.domain.email;

import io.halqe.domain.survey.Question;
import io.halqe.domain.survey.ScaleWords;
import io.halqe.domain.text.Html;

/**
 * A scale question inside an email: one link per value, each opening the hosted page with that value chosen
 * ({@code &score=N}). Following a link records nothing — the page saves the score with its own request — so a mail
 * scanner that fetches every link answers nothing. The row follows the email's direction (0 on the right in fa/ar).
 */
public final class EmailScale {

    private static final String FONT = "font-family:system-ui,-apple-system,'Segoe UI',Tahoma,Arial,sans-serif;";

    private EmailScale() {
    }

    /** {@code surveyUrl} already carries a query string (the language and the signed token). */
    public static String html(Question question, String defaultLanguage, String language, String surveyUrl) {
        int min = question.type().min();
        int max = question.type().max();
        int cellWidth = 100 / (max - min + 1);
        StringBuilder html = new StringBuilder("<p style=\"margin:8px 0;font-weight:700\">")
                .append(Html.escape(question.textIn(language, defaultLanguage))).append("</p>")
                .append("<table role=\"presentation\" width=\"100%\" cellpadding=\"0\" cellspacing=\"0\" border=\"0\" ")
                .append("data-scale=\"").append(Html.escape(question.id())).append("\"><tr>");
        for (int value = min; value <= max; value++) {
            html.append("<td width=\"").append(cellWidth).append("%\" align=\"center\" style=\"padding:2px\">")
                    .append("<a href=\"").append(Html.escape(surveyUrl + "&score=" + value)).append("\" data-score=\"")
                    .append(value).append("\" style=\"").append(FONT).append("display:block;padding:10px 0;")
                    .append("border:1px solid #767676;border-radius:4px;background:#ffffff;color:#1a1a1a;")
                    .append("font-size:16px;font-weight:700;text-align:center;text-decoration:none\">")
                    .append(ScaleWords.digits(value, language)).append("</a></td>");
        }
        String[] ends = ScaleWords.ends(question.type(), language);
        boolean rtl = "fa".equals(language) || "ar".equals(language);
        return html.append("</tr></table>")
                .append("<table role=\"presentation\" width=\"100%\" cellpadding=\"0\" cellspacing=\"0\" border=\"0\" ")
                .append("style=\"margin-top:4px\"><tr><td style=\"").append(FONT).append("font-size:13px;color:#4a4a4a;")
                .append("text-align:").append(rtl ? "right" : "left").append("\">").append(Html.escape(ends[0]))
                .append("</td><td style=\"").append(FONT).append("font-size:13px;color:#4a4a4a;text-align:")
                .append(rtl ? "left" : "right").append("\">").append(Html.escape(ends[1])).append("</td></tr></table>")
                .toString();
    }
}
