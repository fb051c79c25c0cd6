package io.halqe.submission;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import io.halqe.aws.http.HttpRequests;
import io.halqe.aws.http.HttpResponses;
import io.halqe.domain.survey.Question;
import io.halqe.domain.survey.Survey;
import io.halqe.domain.survey.SurveyRepository;
import java.util.Map;
import java.util.UUID;

import static io.halqe.domain.text.Html.escape;

/**
 * The hosted survey: server-rendered, a plain form that works without JavaScript. Each render carries a fresh
 * idempotency key, so a double-clicked submit stores one response.
 */
final class SurveyPage {

    static final String STYLE = """
            body{font-family:system-ui,sans-serif;max-width:40rem;margin:2rem auto;padding:0 1rem;color:#1a1a1a}
            fieldset{border:0;padding:0;margin:0 0 1.5rem}legend{font-weight:600;margin-bottom:.5rem}
            .scale{display:flex;flex-wrap:wrap;gap:.25rem}.scale label{display:inline-flex;flex-direction:column;
            align-items:center;min-width:2.5rem;padding:.4rem;border:1px solid #767676;border-radius:.3rem}
            textarea{width:100%;min-height:6rem}button{padding:.6rem 1.4rem;font-size:1rem}
            :focus-visible{outline:3px solid #005fcc;outline-offset:2px}""";

    private SurveyPage() {
    }

    static APIGatewayV2HTTPResponse render(SurveyRepository surveys, APIGatewayV2HTTPEvent event) {
        String surveyId = HttpRequests.pathParameter(event, "surveyId");
        var survey = surveys.find(surveyId);
        if (survey.isEmpty()) {
            return page(404, "en", "Survey not found", "<p>There is no survey " + escape(surveyId) + ".</p>");
        }
        String language = Languages.choose(survey.get(), event);
        StringBuilder form = new StringBuilder()
                .append("<h1>").append(escape(survey.get().name())).append("</h1>")
                .append("<form method=\"post\" action=\"/s/").append(escape(surveyId)).append("/responses\">")
                .append("<input type=\"hidden\" name=\"_lang\" value=\"").append(escape(language)).append("\">")
                .append("<input type=\"hidden\" name=\"_key\" value=\"").append(UUID.randomUUID()).append("\">");
        for (Question question : survey.get().questions()) {
            form.append(field(question, survey.get(), language));
        }
        form.append("<button type=\"submit\">").append(escape(submitLabel(language))).append("</button></form>");
        return page(200, language, survey.get().name(), form.toString());
    }

    private static String field(Question question, Survey survey, String language) {
        String label = escape(question.textIn(language, survey.defaultLanguage()));
        String name = escape(question.id());
        String required = question.required() ? " required" : "";
        if (question.type().isScale()) {
            StringBuilder scale = new StringBuilder("<fieldset><legend id=\"q-" + name + "\">" + label + "</legend>"
                    + "<div class=\"scale\" role=\"radiogroup\" aria-labelledby=\"q-" + name + "\">");
            for (int value = question.type().min(); value <= question.type().max(); value++) {
                scale.append("<label><input type=\"radio\" name=\"").append(name).append("\" value=\"").append(value)
                        .append("\"").append(required).append(">")
                        .append(Languages.digits(value, language)).append("</label>");
            }
            return scale.append("</div></fieldset>").toString();
        }
        if (!question.options().isEmpty()) {
            String type = question.type() == io.halqe.domain.survey.QuestionType.MULTI ? "checkbox" : "radio";
            StringBuilder choices = new StringBuilder("<fieldset><legend>" + label + "</legend>");
            for (String option : question.options()) {
                choices.append("<label><input type=\"").append(type).append("\" name=\"").append(name)
                        .append("\" value=\"").append(escape(option)).append("\">").append(escape(option))
                        .append("</label> ");
            }
            return choices.append("</fieldset>").toString();
        }
        return "<p><label for=\"q-" + name + "\">" + label + "</label><br><textarea id=\"q-" + name + "\" name=\""
                + name + "\" dir=\"auto\" maxlength=\"5000\"" + required + "></textarea></p>";
    }

    static APIGatewayV2HTTPResponse page(int status, String language, String title, String body) {
        String nonce = UUID.randomUUID().toString().replace("-", "");
        String html = "<!doctype html><html lang=\"" + escape(language) + "\" dir=\""
                + (Languages.rightToLeft(language) ? "rtl" : "ltr") + "\"><head><meta charset=\"utf-8\">"
                + "<meta name=\"viewport\" content=\"width=device-width,initial-scale=1\">"
                + "<title>" + escape(title) + "</title><style nonce=\"" + nonce + "\">" + STYLE + "</style></head>"
                + "<body><main>" + body + "</main></body></html>";
        return HttpResponses.response(status, "text/html; charset=utf-8", html, Map.of(
                "content-security-policy", "default-src 'none'; style-src 'nonce-" + nonce + "'; "
                        + "form-action 'self'; base-uri 'none'; frame-ancestors 'self'",
                "referrer-policy", "strict-origin-when-cross-origin"));
    }

    private static String submitLabel(String language) {
        return switch (language) {
            case "fa" -> "ارسال";
            case "ar" -> "إرسال";
            default -> "Send";
        };
    }

    static String thankYou(Survey survey, String language) {
        return survey.thankYou().getOrDefault(language, survey.thankYou().getOrDefault(survey.defaultLanguage(),
                "Thank you!"));
    }
}
