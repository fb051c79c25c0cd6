package io.halqe.aws.json;

import static io.halqe.aws.json.PlainFields.boxed;
import static io.halqe.aws.json.PlainFields.flag;
import static io.halqe.aws.json.PlainFields.integer;
import static io.halqe.aws.json.PlainFields.list;
import static io.halqe.aws.json.PlainFields.map;
import static io.halqe.aws.json.PlainFields.named;
import static io.halqe.aws.json.PlainFields.object;
import static io.halqe.aws.json.PlainFields.strings;

import io.halqe.domain.analytics.Theme;
import io.halqe.domain.survey.Branding;
import io.halqe.domain.survey.Display;
import io.halqe.domain.survey.LocalizedText;
import io.halqe.domain.survey.Option;
import io.halqe.domain.survey.Question;
import io.halqe.domain.survey.QuestionType;
import io.halqe.domain.survey.Survey;
import io.halqe.domain.survey.SurveyKind;
import java.io.IOException;
import java.util.Map;

/**
 * A stored survey definition (what {@link Json#write} made of a {@link Survey}) read with the streaming core alone:
 * the submission function reads a definition on its first request, and building the data-binding mapper for it took
 * a third of a cold start. Stored definitions were validated by the admin API when written; this reads them as the
 * mapper does (unknown fields ignored, enums in any case, a missing number or flag its default) and refuses a field
 * of the wrong kind.
 */
public final class SurveyJson {

    private SurveyJson() {
    }

    public static Survey read(String json) throws IOException {
        try {
            return survey(JsonStreams.readObject(json));
        } catch (ClassCastException | IllegalArgumentException | NullPointerException wrongKind) {
            throw new IOException("not a survey definition: " + wrongKind.getMessage(), wrongKind);
        }
    }

    private static Survey survey(Map<String, Object> survey) {
        return new Survey((String) survey.get("id"), integer(survey.get("version")), text(survey.get("name")),
                named(SurveyKind.class, survey.get("kind")), (String) survey.get("defaultLanguage"),
                list(survey.get("languages"), String.class::cast), list(survey.get("questions"), SurveyJson::question),
                list(survey.get("hiddenFields"), String.class::cast), flag(survey.get("requireSignedLink")),
                (String) survey.get("touchpoint"), list(survey.get("allowedOrigins"), String.class::cast),
                strings(survey.get("thankYou")), map(survey.get("followUp"), PlainFields::strings),
                list(survey.get("themes"), SurveyJson::theme), text(survey.get("emailSubject")),
                text(survey.get("smsText")), display(survey.get("display")), branding(survey.get("branding")));
    }

    private static Question question(Object value) {
        Map<String, Object> question = object(value);
        return new Question((String) question.get("id"), named(QuestionType.class, question.get("type")),
                flag(question.get("required")), strings(question.get("text")),
                list(question.get("options"), option -> new Option((String) object(option).get("id"),
                        strings(object(option).get("text")))));
    }

    private static Theme theme(Object value) {
        Map<String, Object> theme = object(value);
        return new Theme((String) theme.get("id"), map(theme.get("terms"), terms -> list(terms, String.class::cast)));
    }

    private static Display display(Object value) {
        if (value == null) {
            return null;
        }
        Map<String, Object> display = object(value);
        return new Display(boxed(display.get("delaySeconds")), boxed(display.get("samplePercent")),
                boxed(display.get("cooldownDays")));
    }

    private static Branding branding(Object value) {
        if (value == null) {
            return null;
        }
        Map<String, Object> branding = object(value);
        return new Branding(text(branding.get("senderName")), (String) branding.get("logoUrl"),
                (String) branding.get("color"), text(branding.get("footer")));
    }

    /** A localized text: one string for every language, or an object of texts by language. */
    private static LocalizedText text(Object value) {
        return switch (value) {
            case null -> null;
            case String single -> LocalizedText.of(single);
            default -> new LocalizedText(strings(value));
        };
    }
}
