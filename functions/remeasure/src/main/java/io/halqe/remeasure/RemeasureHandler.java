package io.halqe.remeasure;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestStreamHandler;
import com.fasterxml.jackson.databind.JsonNode;
import io.halqe.aws.dynamo.DynamoCaseRepository;
import io.halqe.aws.dynamo.DynamoDeliveryLedger;
import io.halqe.aws.dynamo.DynamoOutreachRepository;
import io.halqe.aws.dynamo.DynamoResponseRepository;
import io.halqe.aws.json.Json;
import io.halqe.aws.messaging.SesMailer;
import io.halqe.aws.messaging.SnsNotifier;
import io.halqe.aws.runtime.AwsClients;
import io.halqe.aws.runtime.LambdaEnvironment;
import io.halqe.domain.cases.EscalateOverdueCases;
import io.halqe.domain.config.Env;
import io.halqe.domain.outreach.SweepDueOutreach;
import io.halqe.domain.response.FinalizeDrafts;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.time.Instant;
import java.time.format.DateTimeParseException;

/**
 * The schedule's sweep, as of the scheduled time: abandoned partial answers become responses marked partial,
 * outreach that has fallen due is sent, and cases past their due time are escalated.
 */
public final class RemeasureHandler implements RequestStreamHandler {

    private final SweepDueOutreach sweep;
    private final FinalizeDrafts drafts;
    private final EscalateOverdueCases escalation;

    public RemeasureHandler() {
        Env env = LambdaEnvironment.current();
        AwsClients clients = new AwsClients(env);
        var dynamo = clients.dynamoDb();
        var mailer = new SesMailer(clients.sesV2(), env.require("HALQE_SENDER_EMAIL"),
                env.require("HALQE_SES_CONFIGURATION_SET"));
        String publicBaseUrl = env.optional("HALQE_PUBLIC_BASE_URL").orElse("");
        String casesTable = env.require("HALQE_CASES_TABLE");
        this.drafts = new FinalizeDrafts(new DynamoResponseRepository(dynamo, env.require("HALQE_RESPONSES_TABLE")));
        this.sweep = new SweepDueOutreach(new DynamoOutreachRepository(dynamo, env.require("HALQE_OUTREACH_TABLE")),
                mailer, publicBaseUrl);
        this.escalation = new EscalateOverdueCases(new DynamoCaseRepository(dynamo, casesTable), mailer,
                new SnsNotifier(clients.sns(), env.require("HALQE_ALERTS_TOPIC_ARN")),
                new DynamoDeliveryLedger(dynamo, casesTable), env.require("HALQE_ESCALATION_EMAIL"), publicBaseUrl);
    }

    public RemeasureHandler(SweepDueOutreach sweep, FinalizeDrafts drafts, EscalateOverdueCases escalation) {
        this.sweep = sweep;
        this.drafts = drafts;
        this.escalation = escalation;
    }

    @Override
    public void handleRequest(InputStream input, OutputStream output, Context context) throws IOException {
        Instant asOf = scheduledTime(Json.MAPPER.readTree(input));
        int finalized = drafts.finalizeAbandoned(asOf);
        SweepDueOutreach.Swept swept = sweep.sweep(asOf);
        int escalated = escalation.escalate(asOf);
        context.getLogger().log("sweep as of " + asOf + ": sent " + swept.sent() + ", skipped " + swept.skipped()
                + ", partial responses finalized " + finalized + ", cases escalated " + escalated);
        Json.MAPPER.writeValue(output, java.util.Map.of("sent", swept.sent(), "skipped", swept.skipped(),
                "partialsFinalized", finalized, "casesEscalated", escalated));
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
