package io.halqe.submission;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import io.halqe.aws.dynamo.DynamoResponseRepository;
import io.halqe.aws.dynamo.DynamoSurveyRepository;
import io.halqe.aws.http.HttpResponses;
import io.halqe.aws.dynamo.DynamoSuppressionList;
import io.halqe.aws.links.HmacLinkSigner;
import io.halqe.aws.links.HmacUnsubscribeLinks;
import io.halqe.domain.suppression.SuppressionList;
import io.halqe.domain.suppression.UnsubscribeLinks;
import io.halqe.aws.links.SigningKeys;
import io.halqe.aws.runtime.AwsClients;
import io.halqe.aws.runtime.LambdaEnvironment;
import io.halqe.domain.config.Env;
import io.halqe.domain.links.LinkSigner;
import io.halqe.domain.response.ResponseRepository;
import io.halqe.domain.response.SubmitResponse;
import io.halqe.domain.survey.SurveyRepository;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/** Public routes: the hosted page, the embed script, response submission and unsubscribing. */
public final class SubmissionHandler implements RequestHandler<APIGatewayV2HTTPEvent, APIGatewayV2HTTPResponse> {

    private final SurveyPage page;
    private final SubmissionRoute submission;
    private final UnsubscribeRoute unsubscribe;

    /** Lambda's constructor: adapters and the link key loaded once, at init (and so into the SnapStart snapshot). */
    public SubmissionHandler() {
        Env env = LambdaEnvironment.current();
        AwsClients clients = new AwsClients(env);
        DynamoDbClient dynamo = clients.dynamoDb();
        SurveyRepository surveys = new DynamoSurveyRepository(dynamo, env.require("HALQE_SURVEYS_TABLE"));
        byte[] linkKey = SigningKeys.fromSecret(clients.secretsManager(), env.require("HALQE_LINK_SECRET_ARN"));
        LinkSigner links = new HmacLinkSigner(linkKey);
        this.page = new SurveyPage(surveys, links);
        this.submission = new SubmissionRoute(new SubmitResponse(surveys,
                new DynamoResponseRepository(dynamo, env.require("HALQE_RESPONSES_TABLE")), links), surveys);
        // the base URL is only for making links; reading one needs the key alone
        this.unsubscribe = new UnsubscribeRoute(new HmacUnsubscribeLinks(linkKey, ""),
                new DynamoSuppressionList(dynamo, env.require("HALQE_DIRECTORY_TABLE")));
    }

    public SubmissionHandler(SurveyRepository surveys, ResponseRepository responses, LinkSigner links,
                             UnsubscribeLinks unsubscribeLinks, SuppressionList suppression) {
        this.page = new SurveyPage(surveys, links);
        this.submission = new SubmissionRoute(new SubmitResponse(surveys, responses, links), surveys);
        this.unsubscribe = new UnsubscribeRoute(unsubscribeLinks, suppression);
    }

    @Override
    public APIGatewayV2HTTPResponse handleRequest(APIGatewayV2HTTPEvent event, Context context) {
        String route = event.getRouteKey() == null ? "" : event.getRouteKey();
        return switch (route) {
            case "GET /s/{surveyId}" -> page.render(event);
            case "POST /s/{surveyId}/responses" -> submission.submit(event);
            case "OPTIONS /s/{surveyId}/responses" -> submission.preflight(event);
            case "GET /embed.js" -> EmbedScript.serve();
            case "GET /u/{token}", "POST /u/{token}" -> unsubscribe.unsubscribe(event);
            default -> HttpResponses.error(404, "route_not_found", "no route " + route);
        };
    }
}
