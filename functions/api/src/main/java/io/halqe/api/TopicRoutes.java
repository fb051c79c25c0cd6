package io.halqe.api;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import io.halqe.aws.http.HttpProblem;
import io.halqe.aws.http.HttpRequest;
import io.halqe.aws.http.HttpResponses;
import io.halqe.aws.http.Router;
import io.halqe.domain.scoring.EmergingTopics;
import io.halqe.domain.scoring.ReadEmergingTopics;
import io.halqe.domain.survey.ManageSurveys;
import io.halqe.domain.survey.Survey;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** What is new in the comments this week, and filing a new phrase under a theme of the survey. */
record TopicRoutes(ManageSurveys surveys, ReadEmergingTopics emerging, ZoneId reportingZone) implements Router.Group {

    private static final int DEFAULT_TOPICS = 10;
    private static final int MAX_TOPICS = 50;

    /** {@code POST /api/surveys/{id}/themes}: {@code {"theme": "packaging", "language": "en", "term": "new cups"}}. */
    record ThemeTerm(String theme, String language, String term) {
    }

    @Override
    public void addTo(Router router) {
        router.get("/api/surveys/{surveyId}/emerging", this::emerging)
                .post("/api/surveys/{surveyId}/themes", this::addTerm);
    }

    /** {@code ?to=&limit=}: the week of seven days ending on {@code to} (today by default) against the four before. */
    private APIGatewayV2HTTPResponse emerging(HttpRequest request) {
        Survey survey = SurveyRoutes.existing(surveys, request);
        LocalDate to = Queries.date(request, "to", reportingZone);
        if (to == null) {
            to = LocalDate.ofInstant(request.receivedAt(), reportingZone);
        }
        int limit = request.query("limit").isEmpty() ? DEFAULT_TOPICS : Math.min(Queries.limit(request), MAX_TOPICS);
        List<ReadEmergingTopics.Finding> findings = emerging.read(survey, to, limit);
        Map<String, Object> view = new LinkedHashMap<>();
        view.put("surveyId", survey.id());
        view.put("from", to.minusDays(EmergingTopics.WEEK_DAYS - 1).toString());
        view.put("to", to.toString());
        view.put("baselineFrom", EmergingTopics.firstDay(to).toString());
        view.put("timeZone", reportingZone.getId());
        view.put("topics", findings.stream().map(TopicRoutes::view).toList());
        return HttpResponses.json(200, view);
    }

    private APIGatewayV2HTTPResponse addTerm(HttpRequest request) {
        ThemeTerm body = Queries.body(request, ThemeTerm.class);
        if (body.theme() == null || body.theme().isBlank()) {
            throw new HttpProblem(400, "invalid_theme", "name the theme to file the term under", "theme");
        }
        if (body.language() == null || !body.language().matches("[a-z]{2,3}")) {
            throw new HttpProblem(400, "invalid_theme", "language must be a language code such as en, fa or ar",
                    "language");
        }
        if (body.term() == null || body.term().isBlank()) {
            throw new HttpProblem(400, "invalid_theme", "term must be a word or phrase", "term");
        }
        String surveyId = request.pathParameter("surveyId");
        String theme = body.theme().strip();
        // the survey's own copy of the theme, as filed
        return SurveyRoutes.saved(surveys.addThemeTerm(surveyId, theme, body.language(), body.term().strip()), 200,
                "invalid_theme", saved -> saved.themes().stream().filter(filed -> filed.id().equals(theme))
                        .findFirst().orElseThrow());
    }

    private static Map<String, Object> view(ReadEmergingTopics.Finding finding) {
        var topic = finding.topic();
        Map<String, Object> item = new LinkedHashMap<>();
        item.put("phrase", topic.phrase());
        item.put("language", topic.language());
        item.put("responses", topic.answers());
        item.put("share", topic.share());
        item.put("responsesBefore", topic.answersBefore());
        item.put("shareBefore", topic.shareBefore());
        item.put("z", topic.z());
        item.put("suggestion", Map.of("theme", finding.suggestedTheme(), "newTheme", finding.newTheme(),
                "language", topic.language(), "term", topic.phrase()));
        item.put("examples", finding.examples());
        return item;
    }
}
