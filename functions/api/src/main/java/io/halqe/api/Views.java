package io.halqe.api;

import io.halqe.aws.json.Json;
import io.halqe.domain.cases.CaseWork;
import io.halqe.domain.cases.FollowUpCase;
import io.halqe.domain.customers.CustomerHealth;
import io.halqe.domain.customers.CustomerProfile;
import io.halqe.domain.response.Answer;
import io.halqe.domain.response.Response;
import io.halqe.domain.scoring.KeyDrivers;
import io.halqe.domain.scoring.Metrics;
import io.halqe.domain.scoring.ReadMetrics;
import io.halqe.domain.scoring.ReportingCalendar;
import io.halqe.domain.survey.Survey;
import io.halqe.domain.survey.SurveyKind;
import java.time.LocalDate;
import java.time.ZoneId;
import io.halqe.domain.scoring.Tally;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The API's JSON shapes (kept apart from storage so either can change). */
final class Views {

    private Views() {
    }

    static Map<String, Object> page(List<?> items, String next) {
        Map<String, Object> page = new LinkedHashMap<>();
        page.put("items", items);
        page.put("next", next);
        return page;
    }

    static Map<String, Object> of(Response response) {
        Map<String, Object> view = new LinkedHashMap<>();
        view.put("responseId", response.id());
        view.put("surveyId", response.surveyId());
        view.put("surveyVersion", response.surveyVersion());
        view.put("submittedAt", response.submittedAt().toString());
        view.put("language", response.language());
        view.put("status", response.status());
        Map<String, Object> answers = new LinkedHashMap<>();
        response.answers().forEach((id, answer) -> answers.put(id, switch (answer) {
            case Answer.Score score -> score.value();
            case Answer.Text text -> text.value();
            case Answer.Choices choices -> choices.values();
        }));
        view.put("answers", answers);
        view.put("partial", response.partial());
        view.put("historical", response.historical());
        view.put("hidden", response.hidden());
        view.put("customerId", response.customerId());
        view.put("invitationId", response.invitationId());
        if (response.enrichment() != null) {
            var enrichment = response.enrichment();
            view.put("language", enrichment.language());
            view.put("npsScore", enrichment.npsScore());
            view.put("npsCategory", enrichment.npsCategory());
            view.put("comment", enrichment.comment());
            view.put("wordCount", enrichment.wordCount());
            view.put("sentiment", enrichment.sentiment());
            view.put("sentimentScore", enrichment.sentimentScore());
            view.put("themes", enrichment.themes());
            view.put("feedbackType", enrichment.feedbackType());
            view.put("keyPhrases", enrichment.keyPhrases());
            view.put("matches", enrichment.matches());
            view.put("customer", enrichment.customer());
            view.put("teams", enrichment.teams());
            view.put("owners", enrichment.owners());
            view.put("owningTeams", enrichment.owningTeams());
            view.put("touchpoint", enrichment.touchpoint());
            view.put("enrichedAt", enrichment.enrichedAt().toString());
        }
        return view;
    }

    /** The profile with the customer's health (null until they have answered). */
    static Map<String, Object> of(CustomerProfile profile, CustomerHealth health) {
        Map<String, Object> view = new LinkedHashMap<>(Json.MAPPER.convertValue(profile,
                new com.fasterxml.jackson.core.type.TypeReference<Map<String, Object>>() { }));
        if (health != null) {
            Map<String, Object> h = new LinkedHashMap<>();
            h.put("score", health.score());
            h.put("segment", health.segment());
            h.put("trend", health.trend());
            h.put("complaints", health.complaints());
            h.put("priority", health.priority());
            h.put("updatedAt", health.updatedAt().toString());
            view.put("health", h);
        } else {
            view.put("health", null);
        }
        return view;
    }

    /** A case with what the team recorded on it. */
    static Map<String, Object> of(FollowUpCase c, CaseWork work) {
        Map<String, Object> view = of(c);
        view.put("tags", work.tags());
        view.put("rootCause", work.rootCause());
        view.put("actionsTaken", work.actionsTaken());
        view.put("compensation", work.compensation());
        view.put("notes", work.notes());
        view.put("resolution", work.resolution());
        view.put("closedAt", work.closedAt() == null ? null : work.closedAt().toString());
        view.put("escalatedAt", work.escalatedAt() == null ? null : work.escalatedAt().toString());
        view.put("remeasurement", work.remeasurement() == null ? null : remeasurement(work.remeasurement()));
        return view;
    }

    private static Map<String, Object> remeasurement(CaseWork.Remeasurement remeasurement) {
        Map<String, Object> view = new LinkedHashMap<>();
        view.put("scoreBefore", remeasurement.scoreBefore());
        view.put("scoreAfter", remeasurement.scoreAfter());
        view.put("answeredAt", remeasurement.answeredAt() == null ? null : remeasurement.answeredAt().toString());
        return view;
    }

    static Map<String, Object> of(FollowUpCase c) {
        Map<String, Object> view = new LinkedHashMap<>();
        view.put("caseId", c.id());
        view.put("status", c.status());
        view.put("responseId", c.responseId());
        view.put("surveyId", c.surveyId());
        view.put("team", c.team());
        view.put("owner", c.owner());
        view.put("reason", c.reason());
        view.put("npsScore", c.npsScore());
        view.put("comment", c.comment());
        view.put("language", c.language());
        view.put("openedAt", c.openedAt().toString());
        view.put("dueAt", c.dueAt().toString());
        return view;
    }

    static Map<String, Object> metrics(Survey survey, LocalDate from, LocalDate to, ZoneId zone, String groupBy,
                                       ReadMetrics.Result result, ReportingCalendar calendar,
                                       ReadMetrics.Interval interval) {
        Map<String, Object> view = new LinkedHashMap<>();
        view.put("surveyId", survey.id());
        view.put("from", from == null ? null : from.toString());
        view.put("to", to == null ? null : to.toString());
        view.put("timeZone", zone.getId());
        view.put("calendar", calendar.id());
        view.putAll(scores(result.overall(), survey.kind() == SurveyKind.EMPLOYEE));
        if (groupBy != null) {
            view.put("groupBy", groupBy);
            view.put("groups", result.groups().stream().map(group -> {
                Map<String, Object> item = new LinkedHashMap<>();
                item.put("key", group.key());
                item.putAll(scores(group.tally(), survey.kind() == SurveyKind.EMPLOYEE));
                return item;
            }).toList());
        }
        if (!result.series().isEmpty()) {
            view.put("series", result.series().stream().map(point -> {
                Map<String, Object> item = new LinkedHashMap<>();
                item.put("start", point.start().toString());
                if (interval == ReadMetrics.Interval.MONTH) {
                    item.put("month", calendar.monthLabel(point.start()));
                }
                item.putAll(scores(point.tally(), survey.kind() == SurveyKind.EMPLOYEE));
                return item;
            }).toList());
        }
        return view;
    }

    static Map<String, Object> drivers(Survey survey, LocalDate from, LocalDate to, ZoneId zone, String by,
                                       List<KeyDrivers.Driver> drivers, Tally overall) {
        Map<String, Object> view = new LinkedHashMap<>();
        view.put("surveyId", survey.id());
        view.put("from", from == null ? null : from.toString());
        view.put("to", to == null ? null : to.toString());
        view.put("timeZone", zone.getId());
        view.put("by", by);
        view.put("responses", overall.responses());
        view.put("nps", Metrics.nps(overall));
        view.put("drivers", drivers.stream().map(driver -> {
            Map<String, Object> item = new LinkedHashMap<>();
            item.put("key", driver.key());
            item.put("responses", driver.responses());
            item.put("share", driver.share());
            item.put("npsWith", driver.with());
            item.put("npsWithout", driver.without());
            item.put("impact", driver.impact());
            item.put("impactCi95", driver.ci95());
            return item;
        }).toList());
        return view;
    }

    /** Every figure with its n, 95% interval and low-sample flag; eNPS is the NPS of an employee survey. */
    private static Map<String, Object> scores(Tally tally, boolean employee) {
        Map<String, Object> scores = new LinkedHashMap<>();
        scores.put("responses", tally.responses());
        scores.put(employee ? "enps" : "nps", Metrics.nps(tally));
        scores.put("csat", Metrics.csat(tally));
        scores.put("ces", Metrics.ces(tally));
        scores.put("rating", Metrics.rating(tally));
        return scores;
    }
}
