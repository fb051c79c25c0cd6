package io.halqe.scoring;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestStreamHandler;
import com.amazonaws.services.lambda.runtime.events.DynamodbEvent;
import com.amazonaws.services.lambda.runtime.events.StreamsEventResponse;
import io.halqe.aws.dynamo.ResponseItems;
import io.halqe.aws.metrics.EmfMetrics;
import io.halqe.aws.runtime.Adapters;
import io.halqe.aws.runtime.HalqeConfig;
import io.halqe.aws.runtime.SnapStartPriming;
import io.halqe.aws.runtime.StructuredLog;
import io.halqe.aws.stream.ParkAfterAttempts;
import io.halqe.aws.stream.StreamBatches;
import io.halqe.aws.stream.StreamEvents;
import io.halqe.aws.stream.StreamPriming;
import io.halqe.domain.parking.ParkedWork;
import io.halqe.domain.response.Response;
import io.halqe.domain.scoring.DetectShifts;
import io.halqe.domain.scoring.ScoreCells;
import io.halqe.domain.scoring.ScoreResponses;
import io.halqe.domain.scoring.ScoredResponse;
import io.halqe.domain.scoring.Tally;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.stream.Collectors;

/**
 * Enriched responses from the Responses stream → additive per-day aggregates of every cell (overall, segments,
 * touchpoint, team, theme), one conditional write per day a batch touches: the whole batch is one unit, which is
 * what makes it cheap.
 */
public final class ScoringHandler implements RequestStreamHandler {

    private final ScoreResponses scoreResponses;
    private final DetectShifts detectShifts;
    private final ZoneId reportingZone;
    private final StreamBatches.PoisonRecords poison;
    private final EmfMetrics metrics;

    public ScoringHandler() {
        this(Adapters.forFunction("HALQE_AGGREGATES_TABLE", "HALQE_TIME_ZONE", "HALQE_EVENT_BUS_NAME",
                "HALQE_CASES_TABLE", "HALQE_LIMITS_TABLE", "HALQE_METRICS_NAMESPACE", "HALQE_REPORTING_CALENDAR"));
    }

    private ScoringHandler(Adapters adapters) {
        this(new ScoreResponses(adapters.aggregates()),
                new DetectShifts(adapters.aggregates(), adapters.events(), adapters.aggregatesLedger(),
                        HalqeConfig.required(adapters.config().reportingCalendar(), "reportingCalendar")),
                adapters.config().timeZone(), new ParkAfterAttempts(adapters.counters(), adapters.parkedWork(),
                        ParkedWork.Kind.SCORING, java.time.Clock.systemUTC()), adapters.metrics("scoring"));
        // before the snapshot: a batch read and answered with our mapper
        SnapStartPriming.register("scoring", StreamPriming::readAndAnswer);
    }

    public ScoringHandler(ScoreResponses scoreResponses, DetectShifts detectShifts, ZoneId reportingZone,
                          StreamBatches.PoisonRecords poison, EmfMetrics metrics) {
        this.scoreResponses = scoreResponses;
        this.detectShifts = detectShifts;
        this.reportingZone = reportingZone;
        this.poison = poison;
        this.metrics = metrics;
    }

    /** Lambda's entry: the stream batch read with our own mapper, the failed records reported back. */
    @Override
    public void handleRequest(InputStream input, OutputStream output, Context context) throws IOException {
        metrics.around(() -> StreamEvents.write(handleRequest(StreamEvents.read(input), context), output));
    }

    public StreamsEventResponse handleRequest(DynamodbEvent event, Context context) {
        return StreamBatches.process(event,
                batch -> {
                    List<Scored> scored = batch.stream().map(this::scored).toList();
                    scoreResponses.apply(scored.stream().map(Scored::response).toList());
                    // week over week, as of the newest day an answer given here fell on: imported (historical)
                    // answers fill in past weeks, which is no news
                    List<ScoredResponse> live = scored.stream().filter(one -> !one.historical()).map(Scored::response).toList();
                    live.stream().map(ScoredResponse::day).max(LocalDate::compareTo).ifPresent(today -> detectShifts.check(
                            live.stream().map(ScoredResponse::surveyId).collect(Collectors.toSet()), today));
                },
                StructuredLog.of(context, "scoring"), poison, metrics);
    }

    private record Scored(ScoredResponse response, boolean historical) {
    }

    /** Counted on the day it was answered in the reporting time zone, in every cell it belongs to. */
    private Scored scored(DynamodbEvent.DynamodbStreamRecord record) {
        var image = StreamBatches.newImage(record);
        Response response = ResponseItems.fromItem(image);
        String pk = StreamBatches.keys(record).get("pk").s();
        // a late completion carries the partial answer it replaced (same day): what that added is taken back
        var previous = ResponseItems.previous(image);
        return new Scored(new ScoredResponse(response.surveyId(), ResponseItems.partitionOfKey(pk),
                record.getDynamodb().getSequenceNumber(), LocalDate.ofInstant(response.submittedAt(), reportingZone),
                ScoreCells.of(response), Tally.of(response.answers()),
                previous.map(ScoreCells::of).orElse(java.util.Set.of()),
                previous.map(partial -> Tally.of(partial.answers())).orElse(Tally.EMPTY),
                // values an answer without a signed link named itself: anyone could have sent them
                response.invitationId() == null ? ScoreCells.hiddenFieldCells(response) : java.util.Set.of()),
                response.historical());
    }
}
