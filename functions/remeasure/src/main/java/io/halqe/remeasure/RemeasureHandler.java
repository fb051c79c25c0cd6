package io.halqe.remeasure;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestStreamHandler;
import io.halqe.aws.json.Json;
import io.halqe.aws.messaging.BusEvent;
import io.halqe.aws.metrics.EmfMetrics;
import io.halqe.aws.routing.EventRulerTriggerMatcher;
import io.halqe.aws.runtime.Adapters;
import io.halqe.aws.webhooks.HttpWebhookSender;
import io.halqe.domain.webhooks.DeliverWebhooks;
import io.halqe.aws.runtime.HalqeConfig;
import io.halqe.aws.runtime.Inbound;
import io.halqe.aws.runtime.StructuredLog;
import io.halqe.domain.alerts.EscalateOverdueCases;
import io.halqe.domain.core.ItemFailure;
import io.halqe.domain.cases.RecordRemeasurement;
import io.halqe.domain.events.ResponseEnriched;
import io.halqe.domain.outreach.ScheduleTouchpoints;
import io.halqe.domain.privacy.ApplyRetention;
import io.halqe.domain.outreach.SweepDueOutreach;
import io.halqe.domain.response.FinalizeDrafts;
import io.halqe.domain.response.StoredAnswers;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * Measuring again. Four sources: the schedule's sweep, as of the scheduled time (abandoned partial answers become
 * responses marked partial, due outreach is sent under the contact policy, cases past due are escalated); touchpoint
 * events from other sources on the bus (→ invitations after the rule's delay); re-survey answers (→ the case's
 * remeasurement); and webhook deliveries just added (the first attempt at once). The sweep also anonymises answers older
 * than the retention period, when one is set, and sends the webhook deliveries that are due.
 */
public final class RemeasureHandler implements RequestStreamHandler {

    /** Responses anonymised per sweep at most (a sweep every 5 minutes: 57,600 a day), so a sweep stays short. */
    static final int RETENTION_BUDGET = 200;
    /**
     * New webhook attempts start within 20 s of the step's start; one takes at most 15 s (connect and answer), so the
     * sweep ends within the function's 60 s. The rest wait for the next sweep.
     */
    static final java.time.Duration WEBHOOK_BUDGET = java.time.Duration.ofSeconds(20);
    /** The partition of a subscription's deliveries in the Webhooks table. */
    private static final String DELIVERY_PREFIX = "DELIVERY#";

    private final SweepDueOutreach sweep;
    private final FinalizeDrafts drafts;
    private final EscalateOverdueCases escalation;
    private final ScheduleTouchpoints touchpoints;
    private final RecordRemeasurement remeasurement;
    private final ApplyRetention retention;
    private final int retentionDays;
    private final EmfMetrics metrics;
    private final DeliverWebhooks webhooks;

    public RemeasureHandler() {
        this(Adapters.forFunction("HALQE_OUTREACH_TABLE", "HALQE_RESPONSES_TABLE", "HALQE_CASES_TABLE",
                "HALQE_ALERTS_TOPIC_ARN", "HALQE_ESCALATION_EMAIL", "HALQE_SENDER_EMAIL", "HALQE_SES_CONFIGURATION_SET",
                "HALQE_PUBLIC_BASE_URL", "HALQE_DIRECTORY_TABLE", "HALQE_SURVEYS_TABLE", "HALQE_LINK_SECRET_ARN",
                "HALQE_TIME_ZONE", "HALQE_RESPONSE_RETENTION_DAYS", "HALQE_SENDER_NAME", "HALQE_BRAND_LOGO_URL",
                "HALQE_BRAND_COLOR", "HALQE_BRAND_FOOTER", "HALQE_LIMITS_TABLE", "HALQE_ALERTS_PER_RULE_HOUR",
                "HALQE_SMS_MONTHLY_LIMIT", "HALQE_REPORTING_CALENDAR", "HALQE_METRICS_NAMESPACE",
                "HALQE_WEBHOOKS_TABLE"));
    }

    private RemeasureHandler(Adapters adapters) {
        this(new SweepDueOutreach(adapters.outreach(), adapters.contactGate(), new StoredAnswers(adapters.responses()),
                        adapters.invitations(), adapters.config().timeZone()),
                new FinalizeDrafts(adapters.responses()),
                new EscalateOverdueCases(adapters.cases(), adapters.mailer(), adapters.teamAlerts(), adapters.ledger(),
                        HalqeConfig.required(adapters.config().escalationEmail(), "escalationEmail"),
                        adapters.config().publicBaseUrl(), adapters.alertStorms(), adapters.parkedWork(),
                        new io.halqe.domain.alerts.AlertSettings(null, null, adapters.config().publicBaseUrl(),
                                adapters.config().timeZone(), HalqeConfig.required(adapters.config().reportingCalendar(),
                                "reportingCalendar"))::date, adapters.teams()),
                new ScheduleTouchpoints(new EventRulerTriggerMatcher(adapters.triggers()::current), adapters.outreach(),
                        adapters.customers()),
                new RecordRemeasurement(adapters.cases(), adapters.responses()),
                new ApplyRetention(adapters.surveys(), adapters.responses(), adapters.cases(), adapters.customers(),
                        adapters.retentionProgress()),
                adapters.config().responseRetentionDays(), adapters.metrics("remeasure"),
                new DeliverWebhooks(adapters.webhooks(), new HttpWebhookSender()));
    }

    public RemeasureHandler(SweepDueOutreach sweep, FinalizeDrafts drafts, EscalateOverdueCases escalation,
                            ScheduleTouchpoints touchpoints, RecordRemeasurement remeasurement, ApplyRetention retention,
                            int retentionDays, EmfMetrics metrics, DeliverWebhooks webhooks) {
        this.sweep = sweep;
        this.webhooks = webhooks;
        this.drafts = drafts;
        this.escalation = escalation;
        this.touchpoints = touchpoints;
        this.remeasurement = remeasurement;
        this.retention = retention;
        this.retentionDays = retentionDays;
        this.metrics = metrics;
    }

    @Override
    public void handleRequest(InputStream input, OutputStream output, Context context) throws IOException {
        metrics.around(() -> handle(Inbound.read(input), output, StructuredLog.of(context, "remeasure")));
    }

    private void handle(Inbound inbound, OutputStream output, StructuredLog log) throws IOException {
        switch (inbound) {
            case Inbound.Schedule schedule -> Json.MAPPER.writeValue(output, sweep(schedule.scheduledTime(), log));
            case Inbound.Bus bus -> {
                BusEvent event = bus.event();
                if ("halqe".equals(event.source()) && ResponseEnriched.DETAIL_TYPE.equals(event.detailType())) {
                    var answer = event.detailAs(ResponseEnriched.class);
                    var recorded = remeasurement.record(answer);
                    log.info("re-survey answer", Map.of("responseId", answer.responseId(),
                            "remeasurement", recorded.map(Object::toString).orElse("already recorded")));
                    return;
                }
                var scheduled = touchpoints.handle(event.id(), event.time(), Json.MAPPER.writeValueAsString(bus.envelope()));
                log.info("touchpoint event", Map.of("source", event.source(), "detailType", event.detailType(),
                        "eventId", event.id(), "invitationsScheduled", scheduled.size()));
                Json.MAPPER.writeValue(output, Map.of("scheduled", scheduled.stream().map(o -> o.id()).toList()));
            }
            case Inbound.StreamKeys added -> Json.MAPPER.writeValue(output, firstAttempts(added, log));
            case Inbound other -> throw Inbound.unexpected("remeasure", other);
        }
    }

    /**
     * Webhook deliveries just added (the Webhooks table's stream, keys only), tried at once rather than at the next
     * sweep. No record is reported failed: one that could not be tried stays pending, and the sweep sends it.
     */
    private Map<String, Object> firstAttempts(Inbound.StreamKeys added, StructuredLog log) {
        long stop = System.nanoTime() + WEBHOOK_BUDGET.toNanos();
        List<DeliverWebhooks.Added> deliveries = added.keys().stream()
                .filter(key -> key.getOrDefault("pk", "").startsWith(DELIVERY_PREFIX) && key.containsKey("sk"))
                .map(key -> new DeliverWebhooks.Added(key.get("pk").substring(DELIVERY_PREFIX.length()), key.get("sk")))
                .toList();
        DeliverWebhooks.Run run = webhooks.deliverAdded(deliveries, Instant.now(), () -> System.nanoTime() < stop);
        reportFailures("webhooks", run.failures(), log);
        log.info("webhook first attempts", Map.of("added", deliveries.size(), "delivered", run.delivered(),
                "retrying", run.retrying(), "deadLettered", run.deadLettered(), "failed", run.failures().size()));
        return Map.of("batchItemFailures", List.of());
    }

    /**
     * Each step on its own: one that fails (logged with its stack trace) does not keep the others from running —
     * escalations go out even when the outreach sweep cannot. The invocation fails afterwards if a step did, so the
     * failure is seen; every step is idempotent, so the retry is safe.
     */
    private Map<String, Object> sweep(Instant asOf, StructuredLog log) {
        Map<String, Object> outcome = new java.util.LinkedHashMap<>();
        List<RuntimeException> failed = new java.util.ArrayList<>();
        step("partialsFinalized", () -> drafts.finalizeAbandoned(asOf), outcome, failed, log);
        step("outreach", () -> {
            SweepDueOutreach.Swept swept = sweep.sweep(asOf);
            reportFailures("outreach", swept.failures(), log);
            return Map.of("sent", swept.sent(), "skipped", swept.skipped(), "deferred", swept.deferred(),
                    "failed", swept.failures().size());
        }, outcome, failed, log);
        step("casesEscalated", () -> {
            EscalateOverdueCases.Escalated escalated = escalation.escalate(asOf);
            reportFailures("escalation", escalated.failures(), log);
            return escalated.escalated();
        }, outcome, failed, log);
        step("responsesAnonymised", () -> retention.apply(asOf, retentionDays, RETENTION_BUDGET), outcome, failed, log);
        step("webhooks", () -> {
            long stop = System.nanoTime() + WEBHOOK_BUDGET.toNanos();
            // stamped with the time they are sent: never before the schedule's time, which the local cloud moves
            Instant now = Instant.now();
            DeliverWebhooks.Run run = webhooks.deliver(now.isAfter(asOf) ? now : asOf, () -> System.nanoTime() < stop);
            reportFailures("webhooks", run.failures(), log);
            return Map.of("delivered", run.delivered(), "retrying", run.retrying(), "deadLettered",
                    run.deadLettered(), "failed", run.failures().size());
        }, outcome, failed, log);
        log.info("sweep as of " + asOf, outcome);
        if (!failed.isEmpty()) {
            throw failed.getFirst();
        }
        return outcome;
    }

    private static void step(String name, java.util.function.Supplier<Object> run, Map<String, Object> outcome,
                             List<RuntimeException> failed, StructuredLog log) {
        try {
            outcome.put(name, run.get());
        } catch (RuntimeException failure) {
            log.error("sweep step " + name + " failed", Map.of("step", name), failure);
            outcome.put(name, "failed");
            failed.add(failure);
        }
    }

    /** Each item a loop failed on, counted (failed or parked) and logged with its stack trace. */
    private void reportFailures(String loop, List<ItemFailure> failures, StructuredLog log) {
        metrics.countFailures(failures);
        failures.forEach(failure -> log.error(loop + " item failed", Map.of("item", failure.item(),
                "outcome", failure.outcome()), failure.failure()));
    }
}
