package io.halqe.enrichment;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.events.DynamodbEvent;
import com.amazonaws.services.lambda.runtime.events.StreamsEventResponse;
import io.halqe.aws.dynamo.DynamoResponseRepository;
import io.halqe.aws.dynamo.ResponseItems;
import io.halqe.aws.messaging.EventBridgePublisher;
import io.halqe.aws.runtime.AwsClients;
import io.halqe.aws.runtime.LambdaEnvironment;
import io.halqe.aws.stream.StreamBatches;
import io.halqe.domain.config.Env;
import io.halqe.domain.enrichment.EnrichResponses;
import io.halqe.aws.dynamo.DynamoCustomerDirectory;
import io.halqe.aws.dynamo.DynamoRoutingRules;
import io.halqe.aws.dynamo.DynamoSurveyRepository;
import io.halqe.aws.routing.EventRulerRouter;
import io.halqe.domain.analytics.TextAnalyzer;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import java.time.Instant;

/**
 * New responses from the Responses stream → the customer's profile (one batched lookup), text analytics in en/fa/ar,
 * routing → the enriched response, the customer's history, and {@code ResponseEnriched} on the bus.
 */
public final class EnrichmentHandler implements RequestHandler<DynamodbEvent, StreamsEventResponse> {

    /** The whole batch at once: one directory lookup for all its customers (PutEvents is split into tens below). */
    private static final int WHOLE_BATCH = Integer.MAX_VALUE;

    private final EnrichResponses enrichResponses;

    public EnrichmentHandler() {
        Env env = LambdaEnvironment.current();
        AwsClients clients = new AwsClients(env);
        DynamoDbClient dynamo = clients.dynamoDb();
        String directoryTable = env.require("HALQE_DIRECTORY_TABLE");
        this.enrichResponses = new EnrichResponses(
                new DynamoResponseRepository(dynamo, env.require("HALQE_RESPONSES_TABLE")),
                new EventBridgePublisher(clients.eventBridge(), env.require("HALQE_EVENT_BUS_NAME")),
                new TextAnalyzer(),
                new DynamoCustomerDirectory(dynamo, directoryTable),
                new EventRulerRouter(new DynamoRoutingRules(dynamo, directoryTable)::current),
                new DynamoSurveyRepository(dynamo, env.require("HALQE_SURVEYS_TABLE")));
    }

    public EnrichmentHandler(EnrichResponses enrichResponses) {
        this.enrichResponses = enrichResponses;
    }

    @Override
    public StreamsEventResponse handleRequest(DynamodbEvent event, Context context) {
        return StreamBatches.process(event, WHOLE_BATCH,
                chunk -> enrichResponses.enrich(chunk.stream()
                        .map(record -> ResponseItems.fromItem(StreamBatches.newImage(record))).toList(), Instant.now()),
                failure -> context.getLogger().log("enrichment failed, the batch will be retried: " + failure));
    }
}
