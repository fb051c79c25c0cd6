package io.halqe.aws.stream;

import com.amazonaws.services.lambda.runtime.events.DynamodbEvent;
import io.halqe.domain.core.Counters;
import io.halqe.domain.core.ItemFailure;
import io.halqe.domain.parking.ParkedWork;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;

/**
 * Parks a response's stream record once it has failed {@link #ATTEMPTS} times — fewer than Lambda's retries
 * (MaximumRetryAttempts 5 in the template), so it is parked, listed and re-queueable before Lambda would drop it — and
 * lets Lambda retry it before that. Attempts are counted per function and sequence number in the Limits table.
 */
public record ParkAfterAttempts(Counters attempts, ParkedWork parked, ParkedWork.Kind kind, Clock clock)
        implements StreamBatches.PoisonRecords {

    static final int ATTEMPTS = 3;
    /** Longer than a stream record lives (24 hours). */
    private static final Duration COUNTED_FOR = Duration.ofDays(2);

    @Override
    public boolean park(DynamodbEvent.DynamodbStreamRecord record, RuntimeException failure) {
        Instant now = clock.instant();
        String sequence = record.getDynamodb().getSequenceNumber();
        int attempt = (int) attempts.increment("attempt#" + kind.wireName() + "#" + sequence, now.plus(COUNTED_FOR));
        if (attempt < ATTEMPTS) {
            return false;
        }
        var keys = StreamBatches.keys(record);
        String pk = keys.get("pk").s();
        String sk = keys.get("sk").s();
        parked.park(ParkedWork.Parked.of(kind, sk.startsWith("R#") ? sk.substring(2) : sk, ItemFailure.reason(failure),
                attempt, now, Map.of("pk", pk, "sk", sk, "sequenceNumber", sequence)));
        return true;
    }
}
