package io.halqe.api;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import io.halqe.aws.dynamo.DynamoAggregateStore;
import io.halqe.aws.dynamo.DynamoCaseRepository;
import io.halqe.aws.dynamo.DynamoResponseRepository;
import io.halqe.aws.dynamo.DynamoSurveyRepository;
import io.halqe.aws.http.HttpRequests;
import io.halqe.aws.http.HttpResponses;
import io.halqe.aws.links.HmacLinkSigner;
import io.halqe.aws.links.SigningKeys;
import io.halqe.aws.messaging.SesMailer;
import io.halqe.aws.messaging.SnsSmsSender;
import io.halqe.aws.runtime.AwsClients;
import io.halqe.aws.runtime.LambdaEnvironment;
import io.halqe.domain.config.Env;
import io.halqe.domain.links.CreateInvitation;
import io.halqe.domain.survey.ManageSurveys;
import io.halqe.domain.survey.SurveyRepository;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/** {@code ANY /api/{proxy+}}: the admin API, behind the bearer key. */
public final class ApiHandler implements RequestHandler<APIGatewayV2HTTPEvent, APIGatewayV2HTTPResponse> {

    private final AdminKey adminKey;
    private final AdminRoutes routes;

    public ApiHandler() {
        Env env = LambdaEnvironment.current();
        AwsClients clients = new AwsClients(env);
        DynamoDbClient dynamo = clients.dynamoDb();
        SurveyRepository surveys = new DynamoSurveyRepository(dynamo, env.require("HALQE_SURVEYS_TABLE"));
        this.adminKey = AdminKey.fromSha256Hex(env.require("HALQE_API_KEY_SHA256"));
        this.routes = new AdminRoutes(
                new DynamoCaseRepository(dynamo, env.require("HALQE_CASES_TABLE")),
                new DynamoResponseRepository(dynamo, env.require("HALQE_RESPONSES_TABLE")),
                new DynamoAggregateStore(dynamo, env.require("HALQE_AGGREGATES_TABLE")),
                new ManageSurveys(surveys),
                new CreateInvitation(surveys,
                        new HmacLinkSigner(SigningKeys.fromSecret(clients.secretsManager(), env.require("HALQE_LINK_SECRET_ARN"))),
                        new SesMailer(clients.sesV2(), env.require("HALQE_SENDER_EMAIL"), env.require("HALQE_SES_CONFIGURATION_SET")),
                        new SnsSmsSender(clients.sns()), env.optional("HALQE_PUBLIC_BASE_URL").orElse("")));
    }

    public ApiHandler(AdminKey adminKey, AdminRoutes routes) {
        this.adminKey = adminKey;
        this.routes = routes;
    }

    @Override
    public APIGatewayV2HTTPResponse handleRequest(APIGatewayV2HTTPEvent event, Context context) {
        if (!adminKey.authorizes(HttpRequests.header(event, "authorization").orElse(null))) {
            return HttpResponses.withHeaders(HttpResponses.error(401, "unauthorized", "send Authorization: Bearer <admin key>"),
                    java.util.Map.of("www-authenticate", "Bearer"));
        }
        return routes.handle(event);
    }
}
