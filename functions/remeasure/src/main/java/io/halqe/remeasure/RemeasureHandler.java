package io.halqe.remeasure;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestStreamHandler;
import com.fasterxml.jackson.databind.JsonNode;
import io.halqe.aws.dynamo.DynamoOutreachRepository;
import io.halqe.aws.dynamo.DynamoResponseRepository;
import io.halqe.aws.json.Json;
import io.halqe.aws.messaging.SesMailer;
import io.halqe.aws.runtime.AwsClients;
import io.halqe.aws.runtime.LambdaEnvironment;
import io.halqe.domain.config.Env;
import io.halqe.domain.outreach.SweepDueOutreach;
import io.halqe.domain.response.FinalizeDrafts;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.time.Instant;
import java.time.format.DateTimeParseException;

/**
 * The schedule's sweep, as of the scheduled time: abandoned partial answers become responses marked partial, and
 * outreach that has fallen due is sent.
 */
public final class RemeasureHandler implements RequestStreamHandler {

    private final SweepDueOutreach sweep;
    private final FinalizeDrafts drafts;

    public RemeasureHandler() {
        Env env = LambdaEnvironment.current();
        AwsClients clients = new AwsClients(env);
        var dynamo = clients.dynamoDb();
        this.drafts = new FinalizeDrafts(new DynamoResponseRepository(dynamo, env.require("HALQE_RESPONSES_TABLE")));
        this.sweep = new SweepDueOutreach(
                new DynamoOutreachRepository(dynamo, env.require("HALQE_OUTREACH_TABLE")),
                new SesMailer(clients.sesV2(), env.require("HALQE_SENDER_EMAIL"), env.require("HALQE_SES_CONFIGURATION_SET")),
                env.optional("HALQE_PUBLIC_BASE_URL").orElse(""));
    }

    public RemeasureHandler(SweepDueOutreach sweep, FinalizeDrafts drafts) {
        this.sweep = sweep;
        this.drafts = drafts;
    }

    @Override
    public void handleRequest(InputStream input, OutputStream output, Context context) throws IOException {
        Instant asOf = scheduledTime(Json.MAPPER.readTree(input));
        int finalized = drafts.finalizeAbandoned(asOf);
        SweepDueOutreach.Swept swept = sweep.sweep(asOf);
        context.getLogger().log("sweep as of " + asOf + ": sent " + swept.sent() + ", skipped " + swept.skipped()
                + ", partial responses finalized " + finalized);
        Json.MAPPER.writeValue(output, java.util.Map.of("sent", swept.sent(), "skipped", swept.skipped(),
                "partialsFinalized", finalized));
    }

    /** {@code scheduledTime} from the schedule's Input; an EventBridge envelope's {@code time}; else now. */
    static Instant scheduledTime(JsonNode payload) {
        for (String field : new String[] {"scheduledTime", "time"}) {
            JsonNode value = payload == null ? null : payload.get(field);
            if (value != null && value.isTextual()) {
                try {
                    return Instant.parse(value.asText());
                } catch (DateTimeParseException e) {
                    throw new IllegalArgumentException(field + " is not an ISO-8601 instant: " + value.asText(), e);
                }
            }
        }
        return Instant.now();
    }
}
