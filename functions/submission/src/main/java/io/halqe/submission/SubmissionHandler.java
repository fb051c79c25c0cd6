package io.halqe.submission;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestStreamHandler;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import io.halqe.aws.http.HttpRequest;
import io.halqe.aws.http.HttpResponses;
import io.halqe.aws.json.JsonStreams;
import io.halqe.aws.metrics.EmfMetrics;
import io.halqe.aws.http.Router;
import io.halqe.aws.runtime.Adapters;
import io.halqe.aws.runtime.SnapStartPriming;
import io.halqe.domain.core.Metrics;
import io.halqe.domain.links.InvitationLinks;
import io.halqe.domain.response.ResponseRepository;
import io.halqe.domain.response.SubmitResponse;
import io.halqe.domain.suppression.SuppressionList;
import io.halqe.domain.suppression.UnsubscribeLinks;
import io.halqe.domain.survey.CachedSurveys;
import io.halqe.domain.survey.SurveyRepository;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;

/** Public routes: the hosted page, the embed script, response submission and unsubscribing. */
public final class SubmissionHandler implements RequestStreamHandler {

    private final Router routes;
    private final EmfMetrics metrics;

    /** Lambda's constructor: adapters and the link key loaded once, at init (and so into the SnapStart snapshot). */
    public SubmissionHandler() {
        this(Adapters.forFunction("HALQE_SURVEYS_TABLE", "HALQE_RESPONSES_TABLE", "HALQE_LINK_SECRET_ARN",
                "HALQE_DIRECTORY_TABLE", "HALQE_OUTREACH_TABLE", "HALQE_LIMITS_TABLE", "HALQE_ANONYMOUS_ANSWERS_PER_MINUTE",
                "HALQE_METRICS_NAMESPACE"));
    }

    private SubmissionHandler(Adapters adapters) {
        // the base URL is only for making links; reading one needs the key alone, so unsubscribe links go without it
        // survey definitions kept 30 s: a warm submission reads no survey
        this(new CachedSurveys(adapters.surveys(), Clock.systemUTC()), adapters.responses(), adapters.invitationLinks(),
                adapters.unsubscribeLinks(),
                adapters.suppression(), new SubmissionRoute.Limit(adapters.sourceLimit(), adapters.sourceHashes()::of),
                adapters.metrics("submission"));
        SnapStartPriming.register("submission", this::prime);
    }

    /** Before the snapshot: a request read, routed and answered (the embed script: no table read). */
    private void prime() {
        try {
            handleRequest(new ByteArrayInputStream(PRIMING_REQUEST), new ByteArrayOutputStream(), null);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static final byte[] PRIMING_REQUEST = """
            {"version":"2.0","routeKey":"GET /embed.js","rawPath":"/embed.js","rawQueryString":"",
             "headers":{"accept":"*/*","user-agent":"priming"},
             "requestContext":{"http":{"method":"GET","path":"/embed.js","sourceIp":"127.0.0.1"},"requestId":"priming"},
             "isBase64Encoded":false}
            """.getBytes(StandardCharsets.UTF_8);

    public SubmissionHandler(SurveyRepository surveys, ResponseRepository responses, InvitationLinks links,
                             UnsubscribeLinks unsubscribeLinks, SuppressionList suppression, SubmissionRoute.Limit limit,
                             EmfMetrics metrics) {
        this.routes = routes(surveys, new SubmitResponse(surveys, responses, links), links,
                new UnsubscribeRoute(unsubscribeLinks, suppression), limit, metrics);
        this.metrics = metrics;
    }

    /** The function's route table: the same path templates as its HttpApi events in template.yaml. */
    static Router routes(SurveyRepository surveys, SubmitResponse submitResponse, InvitationLinks links,
                         UnsubscribeRoute unsubscribe, SubmissionRoute.Limit limit, Metrics metrics) {
        SurveyPage page = new SurveyPage(surveys, links);
        SubmissionRoute submission = new SubmissionRoute(submitResponse, surveys, limit, metrics);
        return new Router()
                .get("/s/{surveyId}", page::render)
                .post("/s/{surveyId}/responses", submission::submit)
                .route("OPTIONS", "/s/{surveyId}/responses", submission::preflight)
                .get("/embed.js", request -> EmbedScript.serve())
                .get("/u/{token}", unsubscribe::confirm)
                .post("/u/{token}", unsubscribe::unsubscribe);
    }

    /**
     * Lambda's entry: the request read and the answer written with Jackson's streaming core alone (no reflection, no
     * data-binding mapper: building one took a third of a cold start's first invocation).
     */
    @Override
    public void handleRequest(InputStream input, OutputStream output, Context context) throws IOException {
        metrics.around(() -> HttpResponses.write(routes.handle(HttpRequest.of(JsonStreams.readObject(input))), output));
    }

    public APIGatewayV2HTTPResponse handleRequest(APIGatewayV2HTTPEvent event, Context context) {
        return routes.handle(HttpRequest.of(event));
    }

    /** The route table, for the test that holds it to the template's HttpApi events. */
    Router routes() {
        return routes;
    }
}
