package io.halqe.remeasure;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestStreamHandler;
import com.fasterxml.jackson.databind.JsonNode;
import io.halqe.aws.dynamo.DynamoCaseRepository;
import io.halqe.aws.dynamo.DynamoContactLog;
import io.halqe.aws.dynamo.DynamoContactPolicies;
import io.halqe.aws.dynamo.DynamoDeliveryLedger;
import io.halqe.aws.dynamo.DynamoOutreachRepository;
import io.halqe.aws.dynamo.DynamoResponseRepository;
import io.halqe.aws.dynamo.DynamoSuppressionList;
import io.halqe.aws.dynamo.DynamoSurveyRepository;
import io.halqe.aws.dynamo.DynamoTriggers;
import io.halqe.aws.json.Json;
import io.halqe.aws.links.HmacLinkSigner;
import io.halqe.aws.links.SigningKeys;
import io.halqe.aws.messaging.BusEvent;
import io.halqe.aws.messaging.SesMailer;
import io.halqe.aws.messaging.SnsNotifier;
import io.halqe.aws.messaging.SnsSmsSender;
import io.halqe.aws.routing.EventRulerTriggerMatcher;
import io.halqe.aws.runtime.AwsClients;
import io.halqe.aws.runtime.LambdaEnvironment;
import io.halqe.domain.cases.EscalateOverdueCases;
import io.halqe.domain.cases.RecordRemeasurement;
import io.halqe.domain.config.Env;
import io.halqe.domain.events.ResponseEnriched;
import io.halqe.domain.links.CreateInvitation;
import io.halqe.domain.outreach.ScheduleTouchpoints;
import io.halqe.domain.response.StoredAnswers;
import io.halqe.domain.outreach.SweepDueOutreach;
import io.halqe.domain.response.FinalizeDrafts;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.Map;

/**
 * Measuring again. Three sources: the schedule's sweep, as of the scheduled time (abandoned partial answers become
 * responses marked partial, due outreach is sent under the contact policy, cases past due are escalated); touchpoint
 * events from other sources on the bus (→ invitations after the rule's delay); and re-survey answers (→ the case's
 * remeasurement).
 */
public final class RemeasureHandler implements RequestStreamHandler {

    private final SweepDueOutreach sweep;
    private final FinalizeDrafts drafts;
    private final EscalateOverdueCases escalation;
    private final ScheduleTouchpoints touchpoints;
    private final RecordRemeasurement remeasurement;

    public RemeasureHandler() {
        Env env = LambdaEnvironment.current();
        AwsClients clients = new AwsClients(env);
        var dynamo = clients.dynamoDb();
        var mailer = new SesMailer(clients.sesV2(), env.require("HALQE_SENDER_EMAIL"),
                env.require("HALQE_SES_CONFIGURATION_SET"));
        String publicBaseUrl = env.optional("HALQE_PUBLIC_BASE_URL").orElse("");
        String casesTable = env.require("HALQE_CASES_TABLE");
        String outreachTable = env.require("HALQE_OUTREACH_TABLE");
        String directoryTable = env.require("HALQE_DIRECTORY_TABLE");
        var responses = new DynamoResponseRepository(dynamo, env.require("HALQE_RESPONSES_TABLE"));
        var outreach = new DynamoOutreachRepository(dynamo, outreachTable);
        var cases = new DynamoCaseRepository(dynamo, casesTable);
        var suppression = new DynamoSuppressionList(dynamo, directoryTable);
        var policies = new DynamoContactPolicies(dynamo, directoryTable);
        var triggers = new DynamoTriggers(dynamo, directoryTable);
        byte[] linkKey = SigningKeys.fromSecret(clients.secretsManager(), env.require("HALQE_LINK_SECRET_ARN"));
        var invitations = new CreateInvitation(new DynamoSurveyRepository(dynamo, env.require("HALQE_SURVEYS_TABLE")),
                new HmacLinkSigner(linkKey), mailer, new SnsSmsSender(clients.sns()), suppression, publicBaseUrl);
        this.drafts = new FinalizeDrafts(responses);
        this.sweep = new SweepDueOutreach(outreach, new DynamoContactLog(dynamo, outreachTable), suppression,
                new StoredAnswers(responses), invitations, policies::current,
                ZoneId.of(env.optional("HALQE_TIME_ZONE").orElse("UTC")));
        this.escalation = new EscalateOverdueCases(cases, mailer,
                new SnsNotifier(clients.sns(), env.require("HALQE_ALERTS_TOPIC_ARN")),
                new DynamoDeliveryLedger(dynamo, casesTable), env.require("HALQE_ESCALATION_EMAIL"), publicBaseUrl);
        this.touchpoints = new ScheduleTouchpoints(new EventRulerTriggerMatcher(triggers::current), outreach);
        this.remeasurement = new RecordRemeasurement(cases);
    }

    public RemeasureHandler(SweepDueOutreach sweep, FinalizeDrafts drafts, EscalateOverdueCases escalation,
                            ScheduleTouchpoints touchpoints, RecordRemeasurement remeasurement) {
        this.sweep = sweep;
        this.drafts = drafts;
        this.escalation = escalation;
        this.touchpoints = touchpoints;
        this.remeasurement = remeasurement;
    }

    @Override
    public void handleRequest(InputStream input, OutputStream output, Context context) throws IOException {
        JsonNode payload = Json.MAPPER.readTree(input);
        if (payload != null && payload.has("detail-type")) {
            BusEvent event = BusEvent.of(payload);
            if ("halqe".equals(event.source()) && ResponseEnriched.DETAIL_TYPE.equals(event.detailType())) {
                var recorded = remeasurement.record(event.detailAs(ResponseEnriched.class));
                context.getLogger().log("re-survey answer: " + recorded.map(Object::toString).orElse("already recorded"));
                return;
            }
            var scheduled = touchpoints.handle(event.id(), event.time(), Json.MAPPER.writeValueAsString(payload));
            context.getLogger().log(event.source() + "/" + event.detailType() + " " + event.id() + ": "
                    + scheduled.size() + " invitation(s) scheduled");
            Json.MAPPER.writeValue(output, Map.of("scheduled", scheduled.stream().map(o -> o.id()).toList()));
            return;
        }
        Instant asOf = scheduledTime(payload);
        int finalized = drafts.finalizeAbandoned(asOf);
        SweepDueOutreach.Swept swept = sweep.sweep(asOf);
        int escalated = escalation.escalate(asOf);
        context.getLogger().log("sweep as of " + asOf + ": sent " + swept.sent() + ", skipped " + swept.skipped()
                + ", deferred " + swept.deferred() + ", partial responses finalized " + finalized
                + ", cases escalated " + escalated);
        Json.MAPPER.writeValue(output, Map.of("sent", swept.sent(), "skipped", swept.skipped(),
                "deferred", swept.deferred(), "partialsFinalized", finalized, "casesEscalated", escalated));
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
