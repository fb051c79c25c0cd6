package io.halqe.submission;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import io.halqe.aws.http.HttpRequest;
import io.halqe.aws.http.HttpResponses;
import io.halqe.domain.response.SubmitResponse;
import io.halqe.domain.links.Invitation;
import io.halqe.domain.links.InvitationLinks;
import io.halqe.domain.links.LinkSigner;
import io.halqe.domain.survey.Option;
import io.halqe.domain.survey.Question;
import io.halqe.domain.survey.QuestionType;
import io.halqe.domain.survey.ScaleWords;
import io.halqe.domain.survey.Survey;
import io.halqe.domain.survey.SurveyRepository;
import io.halqe.domain.text.LanguageTags;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;

import static io.halqe.domain.text.Html.escape;

/**
 * {@code GET /s/{surveyId}}: the hosted survey — server-rendered, a plain form that works without JavaScript — or,
 * for {@code Accept: application/json}, the survey's public definition in one language (what embed.js renders).
 * Each render carries a fresh idempotency key, so a double-clicked submit stores one response; a signed link's token
 * rides along in the form.
 */
final class SurveyPage {

    static final String STYLE = """
            body{font-family:system-ui,sans-serif;max-width:40rem;margin:2rem auto;padding:0 1rem;color:#1a1a1a;line-height:1.5}
            fieldset{border:0;padding:0;margin:0 0 1.5rem}legend{font-weight:600;margin-bottom:.5rem}
            .scale{display:flex;gap:.25rem}.scale label{display:inline-flex;flex:1 1 0;flex-direction:column;
            align-items:center;justify-content:center;min-width:2.5rem;min-height:2.75rem;padding:.4rem .1rem;
            border:1px solid #595959;border-radius:.3rem;box-sizing:border-box}
            @media (max-width:36rem){.scale.nps{flex-wrap:wrap;justify-content:center}
            .scale.nps label{flex:0 0 calc((100% - 1.25rem) / 6)}}
            .ends{display:flex;justify-content:space-between;font-size:.875rem;color:#4a4a4a}
            textarea{width:100%;min-height:6rem;font:inherit}button{padding:.7rem 1.6rem;font-size:1rem}
            .hp{position:absolute;width:1px;height:1px;margin:-1px;padding:0;border:0;overflow:hidden;
            clip:rect(0 0 0 0);clip-path:inset(50%);white-space:nowrap}
            :focus-visible{outline:3px solid #005fcc;outline-offset:2px}
            .preview{background:#fff4ce;border:1px solid #8a6d00;padding:.4rem .8rem;border-radius:.3rem}""";
    static final String HONEYPOT = "_website";
    private static final java.util.regex.Pattern PREVIEW_ID = java.util.regex.Pattern.compile("[0-9a-f-]{36}");

    private final SurveyRepository surveys;
    private final InvitationLinks links;

    SurveyPage(SurveyRepository surveys, InvitationLinks links) {
        this.surveys = surveys;
        this.links = links;
    }

    APIGatewayV2HTTPResponse render(HttpRequest request) {
        String surveyId = request.pathParameter("surveyId");
        boolean json = request.header("accept").orElse("").contains("application/json");
        var previewId = request.query("preview").filter(value -> !value.isBlank() && !json);
        if (previewId.isPresent()) {
            return preview(request, surveyId, previewId.get());
        }
        var found = surveys.find(surveyId);
        if (found.isEmpty()) {
            return json ? HttpResponses.error(404, "survey_not_found", "there is no survey " + surveyId)
                    : page(404, "en", null, "Survey not found", "<h1>Survey not found</h1><p>There is no survey "
                    + escape(surveyId) + ".</p>");
        }
        Survey survey = found.get();
        if (request.query("lang").filter(lang -> !LanguageTags.isTag(lang)).isPresent()) {
            String why = "lang must be a language code such as en, fa or ar";
            return json ? HttpResponses.error(400, "invalid_query", why, "lang")
                    : page(400, survey.defaultLanguage(), survey, "Not a language", "<h1>" + escape(why) + "</h1>");
        }
        if (json) {
            Cors.Access access = Cors.check(survey, request);
            if (access instanceof Cors.Access.Refused refused) {
                return HttpResponses.error(403, "origin_not_allowed", refused.origin() + " may not embed survey " + surveyId);
            }
            return HttpResponses.withHeaders(HttpResponses.json(200, definition(survey, Languages.choose(survey, request, null))),
                    Cors.headers(access));
        }
        String token = request.query("t").filter(value -> !value.isBlank()).orElse(null);
        Invitation invitation = null;
        if (token != null) {
            var check = links.open(token, request.receivedAt());
            if (!(check instanceof LinkSigner.LinkCheck.Valid valid) || !valid.invitation().surveyId().equals(surveyId)) {
                String why = check instanceof LinkSigner.LinkCheck.Expired ? "This survey link has expired."
                        : "This survey link is not valid. Please use the link from your invitation as it was sent.";
                return page(403, survey.defaultLanguage(), survey, "Link not valid", "<h1>" + escape(why) + "</h1>");
            }
            invitation = valid.invitation();
        } else if (survey.requireSignedLink()) {
            return page(403, survey.defaultLanguage(), survey, "Invitation needed",
                    "<h1>This survey is answered through a personal invitation link.</h1>");
        }
        String language = Languages.choose(survey, request, invitation == null ? null : invitation.customer().locale());
        return answerPage(survey, language, request, token, false);
    }

    /**
     * An unpublished draft, shown to its author by the console (frame-ancestors 'self' only): the real page, but its
     * form sends nothing and saves nothing. The preview id in the address is the only key to it, and it expires.
     */
    private APIGatewayV2HTTPResponse preview(HttpRequest request, String surveyId, String previewId) {
        // bounded before it becomes a key: the API makes only UUIDs
        var draft = (PREVIEW_ID.matcher(previewId).matches() ? surveys.findPreview(previewId, request.receivedAt())
                : java.util.Optional.<Survey>empty()).filter(found -> found.id().equals(surveyId));
        if (draft.isEmpty()) {
            return page(404, "en", null, "Preview expired", "<h1>This preview has expired.</h1>"
                    + "<p>Preview the survey again from the console.</p>");
        }
        return answerPage(draft.get(), Languages.choose(draft.get(), request, null), request, null, true);
    }

    private APIGatewayV2HTTPResponse answerPage(Survey survey, String language, HttpRequest request, String token,
                                                boolean preview) {
        String surveyId = survey.id();
        Preset preset = Preset.of(survey, request);
        StringBuilder form = new StringBuilder()
                .append(preview ? "<p class=\"preview\" role=\"note\">" + escape(previewNote(language)) + "</p>" : "")
                .append("<h1>").append(escape(survey.nameIn(language))).append("</h1>")
                .append("<form method=\"post\"")
                .append(preview ? " data-preview" : " action=\"/s/" + escape(surveyId) + "/responses\" data-survey-form")
                .append(preset == null ? "" : " data-preset")
                .append(followUpAttributes(survey, language)).append(">")
                .append(hidden("_lang", language))
                .append(hidden("_key", UUID.randomUUID().toString()));
        if (token != null) {
            form.append(hidden("_t", token));
        }
        // an open survey's declared hidden fields, from the page's own URL (/s/checkout?orderId=A-1); a signed link's
        // values win when the answer is stored, and undeclared parameters are never carried
        if (!survey.requireSignedLink()) {
            for (String field : survey.hiddenFields()) {
                request.query(field).filter(value -> !value.isBlank() && value.length() <= SubmitResponse.MAX_HIDDEN_VALUE)
                        .ifPresent(value -> form.append(hidden("h." + escape(field), value)));
            }
        }
        // bots fill every field; people never see this one
        form.append("<div class=\"hp\" aria-hidden=\"true\"><label>Leave this empty <input type=\"text\" name=\"")
                .append(HONEYPOT).append("\" tabindex=\"-1\" autocomplete=\"off\"></label></div>");
        for (Question question : survey.questions()) {
            form.append(field(question, survey, language, preset));
        }
        form.append("<button type=\"submit\"").append(preview ? " disabled" : "").append(">")
                .append(escape(submitLabel(language))).append("</button></form>");
        return preview ? page(200, language, null, survey.nameIn(language), form.toString())
                : page(200, language, survey, survey.nameIn(language), form.toString(), ENHANCEMENT);
    }

    private static String previewNote(String language) {
        return switch (language) {
            case "fa" -> "پیش‌نمایش: پاسخ‌ها ثبت نمی‌شوند.";
            case "ar" -> "معاينة: لا تُحفظ الإجابات.";
            default -> "Preview: answers are not recorded.";
        };
    }

    /**
     * With JavaScript, the page is nicer: the comment's label becomes the survey's follow-up question for the chosen
     * NPS category, and every choice is saved as a partial answer right away (under the form's own key), so it counts
     * even if the respondent leaves before sending. A score chosen in an email arrives preset, and is saved by this
     * request — never by the GET that opened the page, which a mail scanner may have made.
     */
    static final String ENHANCEMENT = """
            (function () {
              var form = document.querySelector('form[data-survey-form]');
              if (!form || !window.fetch) { return; }
              var nps = form.getAttribute('data-nps');
              var label = form.hasAttribute('data-follow-up')
                ? document.querySelector('label[for="q-' + form.getAttribute('data-follow-up') + '"]') : null;
              var asked = label ? label.textContent : '';
              function followUp() {
                var chosen = nps && form.querySelector('input[name="' + nps + '"]:checked');
                if (!label || !chosen) { return; }
                var score = Number(chosen.value);
                var category = score >= 9 ? 'promoter' : score >= 7 ? 'passive' : 'detractor';
                // the follow-up of the last score chosen; the question's own words for a category without one
                label.textContent = form.getAttribute('data-follow-up-' + category) || asked;
              }
              function answered() {
                var answers = {};
                form.querySelectorAll('input[type=radio]:checked, input[type=checkbox]:checked').forEach(function (input) {
                  if (input.type === 'checkbox') { (answers[input.name] = answers[input.name] || []).push(input.value); }
                  else { answers[input.name] = input.hasAttribute('data-number') ? Number(input.value) : input.value; }
                });
                return answers;
              }
              function hidden() {
                var fields = {};
                form.querySelectorAll('input[type=hidden][name^="h."]').forEach(function (input) {
                  fields[input.name.slice(2)] = input.value;
                });
                return fields;
              }
              function savePartial() {
                var token = form.elements._t ? form.elements._t.value : undefined;
                fetch(form.action, {method: 'POST', credentials: 'omit', keepalive: true,
                  headers: {'content-type': 'application/json', 'idempotency-key': form.elements._key.value},
                  body: JSON.stringify({answers: answered(), hidden: hidden(), language: form.elements._lang.value,
                    token: token, partial: true})
                }).catch(function () {});
              }
              form.addEventListener('change', function (event) {
                if (event.target.type !== 'radio' && event.target.type !== 'checkbox') { return; }
                followUp();
                savePartial();
              });
              if (form.hasAttribute('data-preset')) { followUp(); savePartial(); }
            }());""";

    /** {@code ?score=N}: the answer to the survey's first scale question chosen in an email, when it is on the scale. */
    private record Preset(String questionId, int value) {
        static Preset of(Survey survey, HttpRequest request) {
            var question = survey.firstScaleQuestion();
            var score = request.query("score").filter(value -> value.matches("\\d{1,2}")).map(Integer::parseInt);
            if (question.isEmpty() || score.isEmpty() || score.get() < question.get().type().min()
                    || score.get() > question.get().type().max()) {
                return null;
            }
            return new Preset(question.get().id(), score.get());
        }

        boolean checks(Question question, int candidate) {
            return question.id().equals(questionId) && candidate == value;
        }
    }

    /** The follow-up texts for the chosen NPS category, for the script; nothing when there is no NPS or text question. */
    private static String followUpAttributes(Survey survey, String language) {
        var nps = survey.npsQuestion();
        var text = survey.questions().stream().filter(question -> question.type() == QuestionType.TEXT).findFirst();
        if (nps.isEmpty() || text.isEmpty()) {
            return "";
        }
        StringBuilder attributes = new StringBuilder(" data-nps=\"" + escape(nps.get().id()) + "\" data-follow-up=\""
                + escape(text.get().id()) + "\"");
        survey.followUp().forEach((category, texts) -> attributes.append(" data-follow-up-").append(escape(category))
                .append("=\"").append(escape(texts.getOrDefault(language, texts.get(survey.defaultLanguage())))).append("\""));
        return attributes.toString();
    }

    private static String hidden(String name, String value) {
        return "<input type=\"hidden\" name=\"" + name + "\" value=\"" + escape(value) + "\">";
    }

    private static String field(Question question, Survey survey, String language, Preset preset) {
        String label = escape(question.textIn(language, survey.defaultLanguage()));
        String name = escape(question.id());
        String required = question.required() ? " required" : "";
        if (question.type().isScale()) {
            StringBuilder scale = new StringBuilder("<fieldset><legend id=\"q-" + name + "\">" + label
                    + (question.required() ? " <span aria-hidden=\"true\">*</span>" : "") + "</legend>"
                    + "<div class=\"scale" + (question.type() == QuestionType.NPS ? " nps" : "")
                    + "\" role=\"radiogroup\" aria-labelledby=\"q-" + name + "\">");
            String[] ends = ScaleWords.ends(question.type(), language);
            boolean yesNo = question.type() == QuestionType.YESNO;
            // yes/no reads "Yes" then "No"; a scale runs from its low end, in the reading direction
            int[] values = yesNo ? new int[] {1, 0} : java.util.stream.IntStream.rangeClosed(question.type().min(),
                    question.type().max()).toArray();
            for (int value : values) {
                scale.append("<label><input type=\"radio\" name=\"").append(name).append("\" value=\"").append(value)
                        .append("\" data-number").append(required)
                        .append(preset != null && preset.checks(question, value) ? " checked" : "").append(">")
                        .append(yesNo ? escape(ends[value]) : ScaleWords.digits(value, language)).append("</label>");
            }
            scale.append("</div>");
            if (!yesNo) {
                scale.append("<div class=\"ends\" aria-hidden=\"true\"><span>").append(escape(ends[0]))
                        .append("</span><span>").append(escape(ends[1])).append("</span></div>");
            }
            return scale.append("</fieldset>").toString();
        }
        if (!question.options().isEmpty()) {
            String type = question.type() == QuestionType.MULTI ? "checkbox" : "radio";
            StringBuilder choices = new StringBuilder("<fieldset><legend>" + label + "</legend>");
            for (Option option : question.options()) {
                choices.append("<label><input type=\"").append(type).append("\" name=\"").append(name)
                        .append("\" value=\"").append(escape(option.id())).append("\"")
                        .append(type.equals("radio") ? required : "").append("> ")
                        .append(escape(option.textIn(language, survey.defaultLanguage()))).append("</label><br>");
            }
            return choices.append("</fieldset>").toString();
        }
        return "<p><label for=\"q-" + name + "\">" + label + "</label><br><textarea id=\"q-" + name + "\" name=\""
                + name + "\" dir=\"auto\" maxlength=\"5000\"" + required + "></textarea></p>";
    }

    /** What the embed renders: one language's texts, nothing internal (hidden fields, origins, versions' history). */
    static Map<String, Object> definition(Survey survey, String language) {
        List<Map<String, Object>> questions = new ArrayList<>();
        for (Question question : survey.questions()) {
            Map<String, Object> view = new LinkedHashMap<>();
            view.put("id", question.id());
            view.put("type", question.type().name().toLowerCase(Locale.ROOT));
            view.put("required", question.required());
            view.put("text", question.textIn(language, survey.defaultLanguage()));
            if (question.type().isScale()) {
                view.put("min", question.type().min());
                view.put("max", question.type().max());
                view.put("ends", List.of(ScaleWords.ends(question.type(), language)));
            }
            view.put("options", question.options().stream().map(option -> Map.of("id", option.id(),
                    "text", option.textIn(language, survey.defaultLanguage()))).toList());
            questions.add(view);
        }
        Map<String, String> followUp = new LinkedHashMap<>();
        survey.followUp().forEach((category, texts) ->
                followUp.put(category, texts.getOrDefault(language, texts.get(survey.defaultLanguage()))));
        Map<String, Object> definition = new LinkedHashMap<>();
        definition.put("id", survey.id());
        definition.put("version", survey.version());
        definition.put("name", survey.nameIn(language));
        definition.put("language", language);
        definition.put("dir", Languages.rightToLeft(language) ? "rtl" : "ltr");
        definition.put("questions", questions);
        definition.put("thankYou", survey.thankYouIn(language));
        definition.put("followUp", followUp);
        definition.put("display", survey.display()); // unset options are null: the widget's defaults
        return definition;
    }

    static APIGatewayV2HTTPResponse page(int status, String language, Survey survey, String title, String body) {
        return page(status, language, survey, title, body, null);
    }

    /** {@code script}, when given, is inlined with the page's nonce (CSP allows no other script). */
    static APIGatewayV2HTTPResponse page(int status, String language, Survey survey, String title, String body,
                                         String script) {
        String nonce = UUID.randomUUID().toString().replace("-", "");
        String frameAncestors = survey == null || survey.allowedOrigins().isEmpty() ? "'self'"
                : "'self' " + String.join(" ", survey.allowedOrigins());
        String html = "<!doctype html><html lang=\"" + escape(language) + "\" dir=\""
                + (Languages.rightToLeft(language) ? "rtl" : "ltr") + "\"><head><meta charset=\"utf-8\">"
                + "<meta name=\"viewport\" content=\"width=device-width,initial-scale=1\">"
                + "<title>" + escape(title) + "</title><style nonce=\"" + nonce + "\">" + STYLE + "</style></head>"
                + "<body><main>" + body + "</main>"
                + (script == null ? "" : "<script nonce=\"" + nonce + "\">" + script + "</script>") + "</body></html>";
        return HttpResponses.response(status, "text/html; charset=utf-8", html, Map.of(
                "content-security-policy", "default-src 'none'; style-src 'nonce-" + nonce + "'; script-src 'nonce-"
                        + nonce + "'; connect-src 'self'; img-src 'self'; form-action 'self'; base-uri 'none'; "
                        + "frame-ancestors " + frameAncestors,
                "referrer-policy", "strict-origin-when-cross-origin"));
    }

    private static String submitLabel(String language) {
        return switch (language) {
            case "fa" -> "ارسال";
            case "ar" -> "إرسال";
            default -> "Send";
        };
    }
}
