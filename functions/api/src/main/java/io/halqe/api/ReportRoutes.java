package io.halqe.api;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import io.halqe.aws.calendar.ReportingCalendars;
import io.halqe.aws.http.HttpProblem;
import io.halqe.aws.http.HttpRequest;
import io.halqe.aws.http.HttpResponses;
import io.halqe.aws.http.Router;
import io.halqe.domain.cases.ReportEffectiveness;
import io.halqe.domain.links.InvitationLinks;
import io.halqe.domain.scoring.KeyDrivers;
import io.halqe.domain.scoring.ReadMetrics;
import io.halqe.domain.scoring.ScoreResponses;
import io.halqe.domain.scoring.ReportingCalendar;
import io.halqe.domain.scoring.ScoreCells;
import io.halqe.domain.survey.ManageSurveys;
import io.halqe.domain.survey.Survey;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/** Scores over time and by dimension, and how well closing the loop works. */
record ReportRoutes(ManageSurveys surveys, ReadMetrics metrics, ReportEffectiveness effectiveness, ZoneId reportingZone,
                    ReportingCalendar reportingCalendar, InvitationLinks invitations) implements Router.Group {

    /** The reporting calendar (ReportingCalendar parameter), Gregorian by default. */
    ReportRoutes(ManageSurveys surveys, ReadMetrics metrics, ReportEffectiveness effectiveness, ZoneId reportingZone,
                 InvitationLinks invitations) {
        this(surveys, metrics, effectiveness, reportingZone, ReportingCalendar.GREGORIAN, invitations);
    }

    private static final LocalDate EARLIEST = LocalDate.of(2000, 1, 1);
    private static final LocalDate LATEST = LocalDate.of(9999, 12, 31);

    @Override
    public void addTo(Router router) {
        router.get("/api/surveys/{surveyId}/metrics", this::metrics)
                .get("/api/surveys/{surveyId}/drivers", this::drivers)
                .get("/api/reports/effectiveness", request -> HttpResponses.json(200, effectiveness.report(
                        Queries.instant(request, "from"), Queries.instant(request, "to"))));
    }

    /**
     * {@code ?from=&to=&by=theme|type|touchpoint|<dimension>|question:<id>} (by defaults to theme): each value's share,
     * NPS with and without it, and impact, the costliest first.
     */
    private APIGatewayV2HTTPResponse drivers(HttpRequest request) {
        Survey survey = survey(request);
        Range range = range(request);
        LocalDate from = range.from();
        LocalDate to = range.to();
        String by = request.query("by").filter(value -> !value.isBlank()).orElse("theme");
        String dimension = by.equals("type") ? ScoreCells.FEEDBACK_TYPE : by;
        Dimensions.checkSyntax(survey, dimension, "by");
        var result = metrics.read(survey.id(), from, to, dimension, null);
        Dimensions.checkKnown(survey, dimension, result.dimensions(), "by");
        return HttpResponses.json(200, Views.drivers(survey, from, to, reportingZone, by,
                KeyDrivers.of(result.overall(), result.groups()), result.overall()));
    }

    /**
     * {@code ?from=&to=} (dates or instants, inclusive, in the reporting zone) {@code &groupBy=plan&interval=week}, or
     * {@code &where=plan=enterprise} for one value's figures; {@code days=30} instead of {@code from} for the last days.
     */
    private APIGatewayV2HTTPResponse metrics(HttpRequest request) {
        Survey survey = survey(request);
        Range range = range(request);
        LocalDate from = range.from();
        LocalDate to = range.to();
        String groupBy = request.query("groupBy").orElse(null);
        if (groupBy != null) {
            Dimensions.checkSyntax(survey, groupBy, "groupBy");
        }
        ReadMetrics.Interval interval = null;
        var rawInterval = request.query("interval");
        if (rawInterval.isPresent()) {
            try {
                interval = ReadMetrics.Interval.valueOf(rawInterval.get().toUpperCase(Locale.ROOT));
            } catch (IllegalArgumentException unknown) {
                throw new HttpProblem(400, "invalid_query", "interval must be day, week or month", "interval");
            }
        }
        ReportingCalendar calendar = calendar(request);
        if (interval != null && from != null && to != null
                && ReadMetrics.points(from, to, interval, calendar) > ReadMetrics.MAX_POINTS) {
            throw new HttpProblem(400, "invalid_query", "a " + rawInterval.get().toLowerCase(Locale.ROOT)
                    + " series from " + from + " to " + to + " has more than " + ReadMetrics.MAX_POINTS
                    + " points: choose a shorter range or a longer interval", "interval");
        }
        String where = where(request, survey, groupBy);
        var result = metrics.read(survey.id(), from, to, groupBy, interval, calendar, where);
        if (groupBy != null) {
            // a dimension no answer in the range counts in is refused unless the survey or its customers define it
            Dimensions.checkKnown(survey, groupBy, result.dimensions(), "groupBy");
        }
        if (!where.equals(ScoreResponses.ALL)) {
            Dimensions.checkKnown(survey, ScoreResponses.dimension(where), result.dimensions(), "where");
        }
        var view = Views.metrics(survey, from, to, reportingZone, groupBy, result, calendar, interval);
        if (result.invited() != null) {
            // the invitations sent in the range against the answers given through one in it
            long sent = invitations.sentBetween(survey.id(), from == null ? EARLIEST : from, to == null ? LATEST : to);
            long answered = result.invited().responses();
            if (sent > 0 || answered > 0) {
                Map<String, Object> rate = new LinkedHashMap<>();
                rate.put("sent", sent);
                rate.put("answered", answered);
                rate.put("responseRate", sent == 0 ? null : Math.round(answered * 1000.0 / sent) / 10.0);
                view.put("invitations", rate);
            }
        }
        if (!where.equals(ScoreResponses.ALL)) {
            view.put("where", where);
        }
        return HttpResponses.json(200, view);
    }

    /**
     * {@code where=plan=enterprise}: the figures of the answers with that value only (any dimension {@code groupBy}
     * takes); not with {@code groupBy}, as answers are counted by one dimension at a time.
     */
    private static String where(HttpRequest request, Survey survey, String groupBy) {
        var cell = Queries.where(request);
        if (cell.isEmpty()) {
            return ScoreResponses.ALL;
        }
        if (groupBy != null) {
            throw new HttpProblem(400, "invalid_query", "where and groupBy cannot be combined: answers are counted by "
                    + "one dimension at a time", "where");
        }
        Dimensions.checkSyntax(survey, ScoreResponses.dimension(cell.get()), "where");
        return cell.get();
    }

    /** {@code calendar=gregorian|persian}, the reporting calendar when absent. */
    private ReportingCalendar calendar(HttpRequest request) {
        var named = request.query("calendar").filter(value -> !value.isBlank());
        return named.isEmpty() ? reportingCalendar : ReportingCalendars.of(named.get()).orElseThrow(() ->
                new HttpProblem(400, "invalid_query", "calendar must be gregorian or persian", "calendar"));
    }

    private Survey survey(HttpRequest request) {
        return SurveyRoutes.existing(surveys, request);
    }

    /** The days a report covers, both ends included; either may be open. */
    private record Range(LocalDate from, LocalDate to) {
    }

    /** The longest {@code days}: ten years. */
    private static final int MAX_DAYS = 3_660;

    /**
     * {@code from} and {@code to}, or {@code days=30}: the last 30 days ending {@code to}, today (in the reporting
     * zone, by the time the request came) when no {@code to} is given — so a console asks for "the last 30 days"
     * without knowing the server's date.
     */
    private Range range(HttpRequest request) {
        var days = request.query("days").filter(value -> !value.isBlank());
        if (days.isEmpty()) {
            LocalDate from = Queries.date(request, "from", reportingZone);
            return new Range(from, to(request, from));
        }
        int count;
        try {
            count = Integer.parseInt(days.get());
        } catch (NumberFormatException notANumber) {
            count = 0;
        }
        if (count < 1 || count > MAX_DAYS) {
            throw new HttpProblem(400, "invalid_query", "days must be a whole number from 1 to " + MAX_DAYS, "days");
        }
        if (request.query("from").filter(value -> !value.isBlank()).isPresent()) {
            throw new HttpProblem(400, "invalid_query", "give days or from, not both", "days");
        }
        LocalDate to = Queries.date(request, "to", reportingZone);
        if (to == null) {
            to = LocalDate.ofInstant(request.receivedAt(), reportingZone);
        }
        return new Range(to.minusDays(count - 1L), to);
    }

    /** {@code to}, a day in the reporting zone, not before {@code from}. */
    private LocalDate to(HttpRequest request, LocalDate from) {
        LocalDate to = Queries.date(request, "to", reportingZone);
        if (from != null && to != null && from.isAfter(to)) {
            throw new HttpProblem(400, "invalid_query", "from must not be after to", "from");
        }
        return to;
    }
}
