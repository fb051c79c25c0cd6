package io.halqe.submission;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import io.halqe.aws.dynamo.DynamoResponseRepository;
import io.halqe.aws.dynamo.DynamoSurveyRepository;
import io.halqe.aws.http.HttpResponses;
import io.halqe.aws.runtime.AwsClients;
import io.halqe.aws.runtime.LambdaEnvironment;
import io.halqe.domain.config.Env;
import io.halqe.domain.response.ResponseRepository;
import io.halqe.domain.response.SubmitResponse;
import io.halqe.domain.survey.SurveyRepository;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/** Public collection routes: the hosted page, the embed script and response submission. */
public final class SubmissionHandler implements RequestHandler<APIGatewayV2HTTPEvent, APIGatewayV2HTTPResponse> {

    private final SurveyRepository surveys;
    private final SubmitResponse submitResponse;

    /** Lambda's constructor: adapters wired once, at init (and so into the SnapStart snapshot). */
    public SubmissionHandler() {
        Env env = LambdaEnvironment.current();
        DynamoDbClient dynamo = new AwsClients(env).dynamoDb();
        this.surveys = new DynamoSurveyRepository(dynamo, env.require("HALQE_SURVEYS_TABLE"));
        this.submitResponse = new SubmitResponse(surveys,
                new DynamoResponseRepository(dynamo, env.require("HALQE_RESPONSES_TABLE")));
    }

    public SubmissionHandler(SurveyRepository surveys, ResponseRepository responses) {
        this.surveys = surveys;
        this.submitResponse = new SubmitResponse(surveys, responses);
    }

    @Override
    public APIGatewayV2HTTPResponse handleRequest(APIGatewayV2HTTPEvent event, Context context) {
        String route = event.getRouteKey() == null ? "" : event.getRouteKey();
        return switch (route) {
            case "GET /s/{surveyId}" -> SurveyPage.render(surveys, event);
            case "POST /s/{surveyId}/responses" -> SubmissionRoute.submit(submitResponse, surveys, event);
            case "GET /embed.js" -> EmbedScript.serve();
            default -> HttpResponses.error(404, "route_not_found", "no route " + route);
        };
    }
}
