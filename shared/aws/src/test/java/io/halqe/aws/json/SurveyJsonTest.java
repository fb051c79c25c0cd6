package io.halqe.aws.json;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.halqe.domain.analytics.Theme;
import io.halqe.domain.survey.Branding;
import io.halqe.domain.survey.DemoSurveys;
import io.halqe.domain.survey.Display;
import io.halqe.domain.survey.LocalizedText;
import io.halqe.domain.survey.Option;
import io.halqe.domain.survey.Question;
import io.halqe.domain.survey.QuestionType;
import io.halqe.domain.survey.Survey;
import io.halqe.domain.survey.SurveyKind;
import java.io.IOException;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class SurveyJsonTest {

    /** Every part of a definition set, every question type, texts both single and per language. */
    private static Survey everyPartSet() {
        List<Question> questions = new java.util.ArrayList<>();
        for (QuestionType type : QuestionType.values()) {
            questions.add(new Question("q-" + type.name().toLowerCase(), type, type == QuestionType.NPS,
                    Map.of("en", "How about " + type + "?", "fa", "چطور بود؟"),
                    type == QuestionType.SINGLE || type == QuestionType.MULTI
                            ? List.of(new Option("basic", Map.of("en", "Basic", "ar", "أساسي")), new Option("pro", null))
                            : List.of()));
        }
        return new Survey("checkout", 7, new LocalizedText(Map.of("en", "Checkout", "fa", "پرداخت")),
                SurveyKind.TRANSACTIONAL, "fa", List.of("fa", "en", "ar"), questions, List.of("plan", "orderId"), true,
                "checkout", List.of("https://shop.example", "http://localhost:*"), Map.of("en", "Thanks!", "fa", "سپاس!"),
                Map.of("detractor", Map.of("en", "What should we fix first?"), "promoter", Map.of("fa", "خوشحالیم")),
                List.of(new Theme("delivery", Map.of("en", List.of("courier", "late parcel"), "fa", List.of("پیک")))),
                LocalizedText.of("A question about your order"), new LocalizedText(Map.of("ar", "سؤال")),
                new Display(5, 50, 30), new Branding(LocalizedText.of("Shop"), "https://shop.example/logo.png", "#112233",
                        new LocalizedText(Map.of("en", "Shop Ltd", "fa", "فروشگاه"))));
    }

    @Test
    void read_shouldGiveWhatTheMapperGives_whenEveryPartOfADefinitionIsSet() throws IOException {
        // GIVEN definitions as the admin API stores them: every part set, the demo survey, and nothing but an id
        for (Survey survey : List.of(everyPartSet(), DemoSurveys.demoNps(),
                new Survey("bare", 1, null, null, "en", null, null, null, false, null, null, null, null, null, null, null,
                        null, null))) {
            String stored = Json.write(survey);
            // WHEN it is read with the streaming core
            Survey read = SurveyJson.read(stored);
            // THEN it is the survey written, and what the data-binding mapper reads
            assertThat(read).as(survey.id()).isEqualTo(survey).isEqualTo(Json.MAPPER.readValue(stored, Survey.class));
        }
    }

    @Test
    void read_shouldReadAsTheMapperDoes_whenADefinitionIsWrittenByHand() throws IOException {
        // GIVEN a definition with upper-case enums, an unknown field, a missing version and flag, and plain texts
        String stored = """
                {"id":"old","kind":"RELATIONSHIP","defaultLanguage":"en","name":"Old","future":{"x":[1,2]},
                 "questions":[{"id":"nps","type":"NPS","text":{"en":"Recommend us?"}}],
                 "display":{"delaySeconds":3},"branding":{"color":"#abcdef"}}""";
        // WHEN it is read THEN the streaming reader and the mapper agree
        assertThat(SurveyJson.read(stored)).isEqualTo(Json.MAPPER.readValue(stored, Survey.class));
        assertThat(SurveyJson.read(stored).version()).isZero();
        assertThat(SurveyJson.read(stored).display().delaySeconds()).isEqualTo(3);
    }

    @Test
    void read_shouldRefuse_whenAFieldHasTheWrongKind() {
        // GIVEN definitions with a question that is text, a version that is text, and an unknown question type
        for (String stored : List.of("{\"id\":\"x\",\"questions\":[\"nps\"]}", "{\"id\":\"x\",\"version\":\"2\"}",
                "{\"id\":\"x\",\"questions\":[{\"id\":\"q\",\"type\":\"slider\"}]}", "[]")) {
            // WHEN it is read THEN it is refused as unreadable, never read as something else
            assertThatThrownBy(() -> SurveyJson.read(stored)).as(stored).isInstanceOf(IOException.class);
        }
    }
}
