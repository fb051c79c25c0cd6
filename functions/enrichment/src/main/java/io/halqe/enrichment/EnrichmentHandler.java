package io.halqe.enrichment;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestStreamHandler;
import com.amazonaws.services.lambda.runtime.events.DynamodbEvent;
import com.amazonaws.services.lambda.runtime.events.StreamsEventResponse;
import io.halqe.aws.dynamo.ResponseItems;
import io.halqe.aws.metrics.EmfMetrics;
import io.halqe.aws.routing.EventRulerAlertMatcher;
import io.halqe.aws.routing.EventRulerRouter;
import io.halqe.aws.runtime.Adapters;
import io.halqe.domain.webhooks.WebhookEvents;
import io.halqe.domain.webhooks.EnqueueWebhooks;
import io.halqe.aws.runtime.SnapStartPriming;
import io.halqe.aws.runtime.StructuredLog;
import io.halqe.aws.stream.ParkAfterAttempts;
import io.halqe.aws.stream.StreamBatches;
import io.halqe.aws.stream.StreamEvents;
import io.halqe.aws.stream.StreamPriming;
import io.halqe.domain.analytics.TextAnalyzer;
import io.halqe.domain.analytics.ThemeTaxonomy;
import io.halqe.domain.core.Metric;
import io.halqe.domain.enrichment.EnrichResponses;
import io.halqe.domain.events.ResponseEnriched;
import io.halqe.domain.parking.ParkedWork;
import io.halqe.domain.response.NoteChanges;
import io.halqe.domain.response.Response;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;

/**
 * New responses from the Responses stream → the customer's profile (one batched lookup), text analytics in en/fa/ar,
 * routing → the enriched response, the customer's history, and {@code ResponseEnriched} on the bus.
 */
public final class EnrichmentHandler implements RequestStreamHandler {

    /**
     * A batch's answer updates and health writes in flight at once: as many as the URL-connection client keeps
     * connections to a host alive (5), so a batch of 100 waits for 20 round trips, not 100.
     */
    static final int PARALLEL_WRITES = 5;

    private final EnrichResponses enrichResponses;
    private final StreamBatches.PoisonRecords poison;
    private final NoteChanges noteChanges;
    private final EmfMetrics metrics;

    public EnrichmentHandler() {
        this(Adapters.forFunction("HALQE_RESPONSES_TABLE", "HALQE_EVENT_BUS_NAME", "HALQE_DIRECTORY_TABLE",
                "HALQE_SURVEYS_TABLE", "HALQE_CASES_TABLE", "HALQE_LIMITS_TABLE", "HALQE_DETRACTOR_CASE_SLA",
                "HALQE_ANALYZER_MODEL_ID", "HALQE_ANALYZER_MONTHLY_BUDGET_USD", "HALQE_ANALYZER_TIMEOUT_MILLIS",
                "HALQE_ANALYZER_INPUT_PRICE_PER_MILLION", "HALQE_ANALYZER_OUTPUT_PRICE_PER_MILLION",
                "HALQE_AGGREGATES_TABLE", "HALQE_METRICS_NAMESPACE", "HALQE_WEBHOOKS_TABLE"));
    }

    private EnrichmentHandler(Adapters adapters) {
        this(adapters, new TextAnalyzer());
    }

    /**
     * The built-in analyzer reads every comment, or is the fallback of the Bedrock model the stack names; it reads
     * imported (historical) answers in any case.
     */
    private EnrichmentHandler(Adapters adapters, TextAnalyzer analyzer) {
        this(new EnrichResponses(adapters.responses(), adapters.events(), adapters.analyzer(analyzer), analyzer,
                adapters.customers(), new EventRulerRouter(adapters.routingRules()::current), adapters.surveys(),
                alertingUnder(new EventRulerAlertMatcher(adapters.alertRules()::current),
                        adapters.webhookOutbox()), PARALLEL_WRITES),
                new ParkAfterAttempts(adapters.counters(), adapters.parkedWork(), ParkedWork.Kind.ENRICHMENT,
                        Clock.systemUTC()), new NoteChanges(adapters.changeFeed()), adapters.metrics("enrichment"));
        // the built-in analyzer only: priming must send nothing to a model (and spend nothing) before the snapshot
        SnapStartPriming.register("enrichment", () -> prime(analyzer));
    }

    /**
     * Whether the alerts function has work for the answer: an alert rule in force matches it, or a webhook subscription
     * asks for {@code response.enriched} (its filter is held there). The mark the alerts function's bus rule takes.
     */
    private static Predicate<ResponseEnriched> alertingUnder(EventRulerAlertMatcher alertRules,
                                                             EnqueueWebhooks webhooks) {
        return response -> !alertRules.matching(response).isEmpty()
                || webhooks.wanted(WebhookEvents.RESPONSE_ENRICHED);
    }

    /** Before the snapshot: a batch read and answered, and the analyzer's lexicons and taxonomy loaded in each language. */
    private static void prime(TextAnalyzer analyzer) {
        StreamPriming.readAndAnswer();
        for (var comment : List.of(List.of("en", "the delivery was late and support never answered"),
                List.of("fa", "ارسال خیلی دیر بود و پشتیبانی جواب نداد"), List.of("ar", "التوصيل كان متأخرا والدعم لم يرد"))) {
            analyzer.analyze(comment.get(1), comment.get(0), 3, ThemeTaxonomy.defaults());
        }
    }

    public EnrichmentHandler(EnrichResponses enrichResponses, StreamBatches.PoisonRecords poison,
                             NoteChanges noteChanges, EmfMetrics metrics) {
        this.enrichResponses = enrichResponses;
        this.poison = poison;
        this.noteChanges = noteChanges;
        this.metrics = metrics;
    }

    /** Lambda's entry: the stream batch read with our own mapper, the failed records reported back. */
    @Override
    public void handleRequest(InputStream input, OutputStream output, Context context) throws IOException {
        metrics.around(() -> StreamEvents.write(handleRequest(StreamEvents.read(input), context), output));
    }

    public StreamsEventResponse handleRequest(DynamodbEvent event, Context context) {
        return StreamBatches.process(event, batch -> {
            List<Response> responses = batch.stream()
                    .map(record -> ResponseItems.fromItem(StreamBatches.newImage(record))).toList();
            enrichResponses.enrich(responses, Instant.now());
            // noted once analysed, for incremental exports: an answer named again (a retried batch) is harmless
            List<NoteChanges.Changed> changed = new ArrayList<>(batch.size());
            for (int i = 0; i < batch.size(); i++) {
                changed.add(changed(batch.get(i), responses.get(i)));
            }
            noteChanges.note(changed);
            // counted once the (part of the) batch is done: a half that fails is run again, and counted then
            metrics.count(Metric.ANSWERS_ANALYSED, batch.size());
        }, StructuredLog.of(context, "enrichment"), poison, metrics);
    }

    /** The record's place in its partition, for the answer read from it. */
    private static NoteChanges.Changed changed(DynamodbEvent.DynamodbStreamRecord record, Response response) {
        return new NoteChanges.Changed(response.surveyId(),
                ResponseItems.partitionOfKey(StreamBatches.keys(record).get("pk").s()),
                record.getDynamodb().getSequenceNumber(), response.id());
    }
}
