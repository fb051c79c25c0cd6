package io.halqe.api;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import com.fasterxml.jackson.core.type.TypeReference;
import io.halqe.aws.http.HttpProblem;
import io.halqe.aws.http.HttpRequest;
import io.halqe.aws.http.HttpResponses;
import io.halqe.aws.http.Router;
import io.halqe.aws.json.Json;
import io.halqe.domain.response.ChangeFeed;
import io.halqe.domain.response.ExportResponses;
import io.halqe.domain.response.Response;
import io.halqe.domain.survey.ManageSurveys;
import io.halqe.domain.survey.Survey;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * {@code GET /api/surveys/{id}/responses/export?format=csv|ndjson&from=&to=}: a survey's answers for BI tools, a page
 * at a time. A Lambda answer holds at most 6 MB, so a page stops before its body would pass
 * {@link #PAGE_BUDGET_BYTES} and names the next one ({@code link: <…>; rel="next"}, {@code halqe-cursor}); the last
 * page of a full export gives {@code halqe-since}, and {@code ?since=} with it returns what changed after (new answers,
 * and answers analysed again), each time with a new {@code halqe-since}.
 */
record ExportRoutes(ManageSurveys surveys, ExportResponses export, ZoneId reportingZone) implements Router.Group {

    /** The body as the Lambda answer carries it (a JSON string: quotes and line ends escaped), well inside 6 MB. */
    static final int PAGE_BUDGET_BYTES = 4_500_000;
    private static final int MAX_KEY_LENGTH = 300;
    /** A position older than this may have lost entries to the feed's time to live. */
    static final Duration SINCE_LASTS = Duration.ofDays(ChangeFeed.KEPT_DAYS - 5);

    /** A page's place: where a full export goes on and the feed position it began at, or a changes position. */
    record Position(String after, Map<Integer, String> since, Instant issuedAt) {
    }

    @Override
    public void addTo(Router router) {
        router.get("/api/surveys/{surveyId}/responses/export", this::export);
    }

    private APIGatewayV2HTTPResponse export(HttpRequest request) {
        Survey survey = SurveyRoutes.existing(surveys, request);
        String format = request.query("format").orElse("csv");
        ExportRows rows = ExportRows.of(format, survey);
        Instant from = Queries.windowStart(request, reportingZone);
        Instant to = Queries.windowEnd(request, reportingZone, from);
        var since = request.query("since");
        var cursor = request.query("cursor");
        if (since.isPresent() && cursor.isPresent()) {
            throw new HttpProblem(400, "invalid_query", "give since or cursor, not both", "cursor");
        }
        Body body = new Body(rows, request);
        if (since.isPresent()) {
            Position position = decode(since.get(), "since");
            if (position.issuedAt().plus(SINCE_LASTS).isBefore(request.receivedAt())) {
                throw new HttpProblem(410, "since_expired", "that position is older than "
                        + SINCE_LASTS.toDays() + " days: export in full again, then go on from its halqe-since", "since");
            }
            ExportResponses.Stop stop = export.changedSince(survey.id(), position.since(),
                    answers -> body.take(answers, from, to));
            String next = encode(new Position(null, stop.position(), request.receivedAt()));
            return body.answer(survey, Map.of("halqe-since", next), stop.more() ? Map.of("since", next) : Map.of());
        }
        Position start = cursor.map(value -> decode(value, "cursor"))
                .orElseGet(() -> new Position(null, export.changesFromNow(survey.id()), request.receivedAt()));
        ExportResponses.Stop stop = export.window(survey.id(), from, to, start.after(),
                answers -> body.take(answers, null, null));
        if (stop.more()) {
            String next = encode(new Position(stop.afterKey(), start.since(), start.issuedAt()));
            return body.answer(survey, Map.of("halqe-cursor", next), Map.of("cursor", next));
        }
        return body.answer(survey, Map.of("halqe-since", encode(new Position(null, start.since(), start.issuedAt()))),
                Map.of());
    }

    /** A page being written: its lines, and what they will weigh in the Lambda answer. */
    private static final class Body {
        private final ExportRows rows;
        private final HttpRequest request;
        private final StringBuilder text = new StringBuilder();
        private long weight;
        private boolean taken;

        Body(ExportRows rows, HttpRequest request) {
            this.rows = rows;
            this.request = request;
            add(rows.start());
        }

        /** Takes the answers whole if they fit (the first group of a page always does); those not the caller's are skipped. */
        boolean take(List<Response> answers, Instant from, Instant to) {
            StringBuilder group = new StringBuilder();
            for (Response response : answers) {
                if (response.submittedWithin(from, to) && ResponseRoutes.visible(request, response)) {
                    group.append(rows.line(response));
                }
            }
            if (taken && weight + JsonText.escapedBytes(group) > PAGE_BUDGET_BYTES) {
                return false;
            }
            add(group);
            taken = true;
            return true;
        }

        private void add(CharSequence part) {
            text.append(part);
            weight += JsonText.escapedBytes(part);
        }

        APIGatewayV2HTTPResponse answer(Survey survey, Map<String, String> position, Map<String, String> next) {
            Map<String, String> headers = new LinkedHashMap<>(position);
            headers.put("content-disposition", "attachment; filename=\"" + survey.id() + "-responses." + rows.extension()
                    + "\"");
            if (!next.isEmpty()) {
                headers.put("link", "<" + nextPath(next) + ">; rel=\"next\"");
            }
            return HttpResponses.response(200, rows.contentType(), text.toString(), headers);
        }

        /** This request's path and query with the page's position replaced. */
        private String nextPath(Map<String, String> next) {
            StringBuilder path = new StringBuilder(request.path());
            Map<String, String> query = new LinkedHashMap<>(request.query());
            query.remove("cursor");
            query.remove("since");
            query.putAll(next);
            String separator = "?";
            for (var parameter : query.entrySet()) {
                path.append(separator).append(parameter.getKey()).append('=')
                        .append(URLEncoder.encode(parameter.getValue(), StandardCharsets.UTF_8));
                separator = "&";
            }
            return path.toString();
        }
    }

    static String encode(Position position) {
        return Base64.getUrlEncoder().withoutPadding()
                .encodeToString(Json.write(position).getBytes(StandardCharsets.UTF_8));
    }

    static Position decode(String token, String field) {
        try {
            Position position = Json.MAPPER.readValue(Base64.getUrlDecoder().decode(token),
                    new TypeReference<Position>() { });
            if (position.since() == null || position.issuedAt() == null
                    || position.after() != null && position.after().length() > MAX_KEY_LENGTH
                    || position.since().values().stream().anyMatch(sequence -> sequence == null || !sequence.matches("[0-9]{1,40}"))) {
                throw new IllegalArgumentException("incomplete");
            }
            return position;
        } catch (IllegalArgumentException | java.io.IOException e) {
            throw new HttpProblem(400, "invalid_" + field, field + " is not one this API gave", field);
        }
    }
}
