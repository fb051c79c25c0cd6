package io.halqe.domain.survey;

import io.halqe.domain.core.Problem;
import static org.assertj.core.api.Assertions.assertThat;

import io.halqe.domain.fakes.InMemorySurveys;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.Test;

class ManageSurveysTest {

    private final InMemorySurveys surveys = new InMemorySurveys();
    private final ManageSurveys manage = new ManageSurveys(surveys);

    private static Survey valid() {
        return DemoSurveys.demoNps().withVersion(0);
    }

    private static Survey with(UnaryOperator<List<Question>> questions) {
        Survey s = valid();
        return new Survey("checkout", 0, s.name(), s.kind(), s.defaultLanguage(), s.languages(),
                questions.apply(new ArrayList<>(s.questions())), s.hiddenFields(), false, "checkout",
                s.allowedOrigins(), s.thankYou(), s.followUp(), s.themes(), null, null, null, null);
    }

    private static Survey demoWith(String defaultLanguage, List<String> languages, List<String> hidden, List<String> origins,
                                   Map<String, Map<String, String>> followUp) {
        Survey s = valid();
        return new Survey("checkout", 0, s.name(), s.kind(), defaultLanguage, languages, s.questions(), hidden, false,
                null, origins, Map.of(), followUp, List.of(), null, null, null, null);
    }

    @Test
    void create_shouldStoreVersionOne_andRefuseASecondWithTheSameId() {
        var saved = manage.create(valid());
        assertThat(saved).isInstanceOfSatisfying(ManageSurveys.Outcome.Saved.class,
                s -> assertThat(s.survey().version()).isEqualTo(1));
        assertThat(manage.create(valid())).isEqualTo(new ManageSurveys.Outcome.Exists("demo-nps"));
    }

    @Test
    void update_shouldMakeANewVersion_andKeepTheIdFromThePath() {
        manage.create(valid());
        var updated = manage.update("demo-nps", valid());
        assertThat(updated).isInstanceOfSatisfying(ManageSurveys.Outcome.Saved.class,
                s -> assertThat(s.survey().version()).isEqualTo(2));
        assertThat(surveys.find("demo-nps").orElseThrow().version()).isEqualTo(2);
        assertThat(manage.update("nope", valid())).isEqualTo(new ManageSurveys.Outcome.Invalid(new Problem("id",
                "must match the survey in the path (nope)")));
        assertThat(manage.update("missing", valid().withVersion(0))).isInstanceOf(ManageSurveys.Outcome.Invalid.class);
    }

    @Test
    void create_shouldNameTheField_whenTheDefinitionIsInvalid() {
        Question nps = valid().questions().get(0);
        assertThat(manage.create(with(q -> List.of()))).isEqualTo(new ManageSurveys.Outcome.Invalid(new Problem("questions",
                "must have 1 to 50 questions")));
        assertThat(manage.create(with(q -> List.of(nps, nps)))).isEqualTo(new ManageSurveys.Outcome.Invalid(new Problem(
                "questions[1].id", "repeats question id nps")));
        assertThat(manage.create(with(q -> List.of(new Question("plan", QuestionType.SINGLE, true, Map.of("en", "Plan?"),
                List.of(new Option("a", Map.of("en", "A")))))))).isEqualTo(new ManageSurveys.Outcome.Invalid(new Problem(
                "questions[0].options", "a single question needs at least 2 options")));
        assertThat(manage.create(with(q -> List.of(new Question("nps", QuestionType.NPS, true, Map.of("fa", "؟"), null)))))
                .isEqualTo(new ManageSurveys.Outcome.Invalid(new Problem("questions[0].text", "needs a text in the default language en")));
        assertThat(manage.create(with(q -> List.of(new Question("nps", null, true, Map.of("en", "?"), null)))))
                .isInstanceOfSatisfying(ManageSurveys.Outcome.Invalid.class, i -> assertThat(i.problem().field()).isEqualTo("questions[0].type"));
        assertThat(manage.create(demoWith("de", List.of("en", "fa"), List.of(), List.of(), Map.of())))
                .isInstanceOfSatisfying(ManageSurveys.Outcome.Invalid.class, i -> assertThat(i.problem().field()).isEqualTo("defaultLanguage"));
        assertThat(manage.create(demoWith("en", List.of("en", "fa", "ar"), List.of("nps"), List.of(), Map.of())))
                .isInstanceOfSatisfying(ManageSurveys.Outcome.Invalid.class, i -> assertThat(i.problem().field()).isEqualTo("hiddenFields[0]"));
        assertThat(manage.create(demoWith("en", List.of("en", "fa", "ar"), List.of(), List.of("https://shop.example.com/path"),
                Map.of()))).isInstanceOfSatisfying(ManageSurveys.Outcome.Invalid.class,
                i -> assertThat(i.problem().field()).isEqualTo("allowedOrigins[0]"));
        assertThat(manage.create(demoWith("en", List.of("en", "fa", "ar"), List.of(), List.of(),
                Map.of("angry", Map.of("en", "Why?"))))).isInstanceOfSatisfying(ManageSurveys.Outcome.Invalid.class,
                i -> assertThat(i.problem().field()).isEqualTo("followUp.angry"));
        assertThat(surveys.find("checkout")).isEmpty();
    }

    @Test
    void allowsOrigin_shouldMatchExactOriginsAndAnyPortPatterns() {
        Survey demo = DemoSurveys.demoNps();
        assertThat(demo.allowsOrigin("http://localhost:8080")).isTrue();
        assertThat(demo.allowsOrigin("http://127.0.0.1:1")).isTrue();
        assertThat(demo.allowsOrigin("http://localhost.evil.com:80")).isFalse();
        assertThat(demo.allowsOrigin("https://localhost:8080")).isFalse();
        assertThat(demo.allowsOrigin(null)).isFalse();
    }

    @Test
    void create_shouldTakeANamePerLanguage_andRefuseAnUnknownLanguageOrALineBreak() {
        Survey s = valid();
        java.util.function.Function<io.halqe.domain.survey.LocalizedText, Survey> named = name -> new Survey("named", 0,
                name, s.kind(), s.defaultLanguage(), s.languages(), s.questions(), s.hiddenFields(), false, null,
                s.allowedOrigins(), s.thankYou(), s.followUp(), s.themes(), null, null, null, null);
        var languages = s.languages();
        var perLanguage = new java.util.LinkedHashMap<String, String>();
        languages.forEach(language -> perLanguage.put(language, "Name in " + language));
        assertThat(manage.create(named.apply(new io.halqe.domain.survey.LocalizedText(perLanguage))))
                .isInstanceOf(ManageSurveys.Outcome.Saved.class);
        assertThat(manage.create(named.apply(new io.halqe.domain.survey.LocalizedText(Map.of("de", "Name")))))
                .isInstanceOfSatisfying(ManageSurveys.Outcome.Invalid.class, i -> assertThat(i.problem().field()).isEqualTo("name.de"));
        assertThat(manage.create(named.apply(io.halqe.domain.survey.LocalizedText.of("Two\nlines"))))
                .isInstanceOfSatisfying(ManageSurveys.Outcome.Invalid.class, i -> assertThat(i.problem().field()).isEqualTo("name"));
    }

    @Test
    void create_shouldKeepDisplayOptionsAndBranding_andNameTheFieldOfABadOne() {
        Survey demo = valid();
        java.util.function.BiFunction<Display, Branding, Survey> styled = (display, branding) -> new Survey("styled", 0,
                demo.name(), demo.kind(), demo.defaultLanguage(), demo.languages(), demo.questions(), demo.hiddenFields(),
                false, null, demo.allowedOrigins(), demo.thankYou(), demo.followUp(), demo.themes(), null, null, display,
                branding);
        // WHEN a survey samples 101% of visitors, waits 601 s, or brands itself with "blue" or an http logo
        // THEN each is refused under its field
        assertThat(manage.create(styled.apply(new Display(null, 101, null), null)))
                .isEqualTo(new ManageSurveys.Outcome.Invalid(new Problem("display.samplePercent", "must be 0 to 100")));
        assertThat(manage.create(styled.apply(new Display(601, null, null), null)))
                .isEqualTo(new ManageSurveys.Outcome.Invalid(new Problem("display.delaySeconds", "must be 0 to 600")));
        assertThat(manage.create(styled.apply(null, new Branding(null, null, "blue", null))))
                .isEqualTo(new ManageSurveys.Outcome.Invalid(new Problem("branding.color", "must be a colour such as #005fcc")));
        assertThat(manage.create(styled.apply(null, new Branding(null, "http://x.example/logo.png", null, null))))
                .isInstanceOf(ManageSurveys.Outcome.Invalid.class)
                .extracting(invalid -> ((ManageSurveys.Outcome.Invalid) invalid).problem().field()).isEqualTo("branding.logoUrl");
        // AND good ones are kept, through an edit too
        var good = styled.apply(new Display(5, 25, 30), new Branding(LocalizedText.of("Acme"), null, "#112233", null));
        assertThat(manage.create(good)).isInstanceOf(ManageSurveys.Outcome.Saved.class);
        manage.update("styled", good);
        assertThat(surveys.find("styled").orElseThrow().display()).isEqualTo(new Display(5, 25, 30));
        assertThat(surveys.find("styled").orElseThrow().branding().colorOrDefault()).isEqualTo("#112233");
    }

    @Test
    void addThemeTerm_shouldCopyADefaultTheme_thenExtendTheSurveysOwn_andChangeNothingTheSecondTime() {
        // GIVEN a survey with no themes of its own
        manage.create(valid());
        // WHEN "new cups" is filed under the default theme delivery, then "kettle" under a new theme
        var first = manage.addThemeTerm("demo-nps", "delivery", "en", "new cups");
        var second = manage.addThemeTerm("demo-nps", "kitchen", "en", "kettle");
        var again = manage.addThemeTerm("demo-nps", "delivery", "en", "new cups");
        // THEN the survey's delivery theme keeps every default term and gains the new one, in a new version
        Survey saved = surveys.find("demo-nps").orElseThrow();
        io.halqe.domain.analytics.Theme delivery = saved.themes().stream().filter(t -> t.id().equals("delivery"))
                .findFirst().orElseThrow();
        assertThat(delivery.terms().get("en")).contains("courier", "late", "new cups");
        assertThat(delivery.terms().get("fa")).isNotEmpty();
        assertThat(saved.themes()).extracting(io.halqe.domain.analytics.Theme::id).containsExactly("delivery", "kitchen");
        assertThat(first).isInstanceOf(ManageSurveys.Outcome.Saved.class);
        assertThat(second).isInstanceOf(ManageSurveys.Outcome.Saved.class);
        assertThat(saved.version()).isEqualTo(3);
        // AND filing a term the theme has already makes no new version
        assertThat(again).isEqualTo(new ManageSurveys.Outcome.Saved(saved));
        // AND a term the definition cannot hold is refused with its field
        assertThat(manage.addThemeTerm("demo-nps", "kitchen", "en", "x".repeat(101)))
                .isInstanceOfSatisfying(ManageSurveys.Outcome.Invalid.class,
                        invalid -> assertThat(invalid.problem().field()).startsWith("themes["));
        assertThat(manage.addThemeTerm("nope", "kitchen", "en", "kettle"))
                .isEqualTo(new ManageSurveys.Outcome.NotFound("nope"));
    }
}
