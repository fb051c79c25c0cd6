package io.halqe.api;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import io.halqe.aws.http.HttpRequests;
import io.halqe.aws.http.HttpResponses;
import io.halqe.domain.cases.CaseRepository;
import io.halqe.domain.cases.CaseStatus;
import io.halqe.domain.response.ResponseRepository;
import io.halqe.domain.scoring.AggregateKey;
import io.halqe.domain.scoring.AggregateStore;
import io.halqe.domain.survey.SurveyRepository;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Routes of the admin API; every answer is JSON, every error {@code {"error":{"code","message"}}}. */
public final class AdminRoutes {

    private static final Pattern CASE = Pattern.compile("/api/cases/([^/]+)");
    private static final Pattern RESPONSE = Pattern.compile("/api/responses/([^/]+)");
    private static final Pattern SURVEY_RESPONSES = Pattern.compile("/api/surveys/([^/]+)/responses");
    private static final Pattern SURVEY_METRICS = Pattern.compile("/api/surveys/([^/]+)/metrics");
    static final int DEFAULT_PAGE = 100;
    static final int MAX_PAGE = 1000;

    private final CaseRepository cases;
    private final ResponseRepository responses;
    private final AggregateStore aggregates;
    private final SurveyRepository surveys;

    public AdminRoutes(CaseRepository cases, ResponseRepository responses, AggregateStore aggregates,
                       SurveyRepository surveys) {
        this.cases = cases;
        this.responses = responses;
        this.aggregates = aggregates;
        this.surveys = surveys;
    }

    public APIGatewayV2HTTPResponse handle(APIGatewayV2HTTPEvent event) {
        String path = HttpRequests.path(event);
        if (!"GET".equals(HttpRequests.method(event))) {
            return HttpResponses.error(405, "method_not_allowed", HttpRequests.method(event) + " " + path + " is not supported");
        }
        try {
            Matcher match;
            if (path.equals("/api/cases")) {
                return listCases(event);
            } else if ((match = CASE.matcher(path)).matches()) {
                String caseId = match.group(1);
                return cases.find(caseId).map(found -> HttpResponses.json(200, Views.of(found)))
                        .orElseGet(() -> HttpResponses.error(404, "case_not_found", "there is no case " + caseId));
            } else if ((match = RESPONSE.matcher(path)).matches()) {
                String responseId = match.group(1);
                return responses.find(responseId).map(found -> HttpResponses.json(200, Views.of(found)))
                        .orElseGet(() -> HttpResponses.error(404, "response_not_found", "there is no response " + responseId));
            } else if ((match = SURVEY_RESPONSES.matcher(path)).matches()) {
                var page = responses.listBySurvey(match.group(1), limit(event), HttpRequests.query(event, "cursor").orElse(null));
                return HttpResponses.json(200, Views.page(page.items().stream().map(Views::of).toList(), page.next()));
            } else if ((match = SURVEY_METRICS.matcher(path)).matches()) {
                return metrics(match.group(1));
            }
            return HttpResponses.error(404, "route_not_found", "no route GET " + path);
        } catch (ResponseRepository.InvalidCursorException | InvalidQueryException invalid) {
            return HttpResponses.error(400, invalid instanceof InvalidQueryException ? "invalid_query" : "invalid_cursor",
                    invalid.getMessage());
        }
    }

    private APIGatewayV2HTTPResponse listCases(APIGatewayV2HTTPEvent event) {
        String status = HttpRequests.query(event, "status").orElse("open");
        CaseStatus wanted;
        try {
            wanted = CaseStatus.fromWire(status);
        } catch (IllegalArgumentException unknown) {
            throw new InvalidQueryException("status must be one of open, acknowledged, in_progress, resolved, closed");
        }
        var page = cases.listByStatus(wanted, limit(event), HttpRequests.query(event, "cursor").orElse(null));
        return HttpResponses.json(200, Views.page(page.items().stream().map(Views::of).toList(), page.next()));
    }

    private APIGatewayV2HTTPResponse metrics(String surveyId) {
        if (surveys.find(surveyId).isEmpty()) {
            return HttpResponses.error(404, "survey_not_found", "there is no survey " + surveyId);
        }
        return HttpResponses.json(200, Views.metrics(surveyId, aggregates.total(surveyId, AggregateKey.ALL_TIME)));
    }

    private static int limit(APIGatewayV2HTTPEvent event) {
        var raw = HttpRequests.query(event, "limit");
        if (raw.isEmpty()) {
            return DEFAULT_PAGE;
        }
        try {
            int limit = Integer.parseInt(raw.get());
            if (limit >= 1 && limit <= MAX_PAGE) {
                return limit;
            }
        } catch (NumberFormatException notANumber) {
            // reported below
        }
        throw new InvalidQueryException("limit must be a whole number from 1 to " + MAX_PAGE);
    }

    static final class InvalidQueryException extends IllegalArgumentException {
        InvalidQueryException(String message) {
            super(message);
        }
    }
}
