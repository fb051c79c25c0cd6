package io.halqe.aws.dynamo;

import static org.assertj.core.api.Assertions.assertThat;

import io.halqe.domain.response.ChangeFeed;
import io.halqe.local.runtime.testing.LocalDynamoDbPerClass;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

class DynamoChangeFeedTest {

    private static final Instant NOW = Instant.parse("2026-12-03T10:00:00Z");
    @RegisterExtension
    static final LocalDynamoDbPerClass db = new LocalDynamoDbPerClass();

    private final DynamoChangeFeed feed = new DynamoChangeFeed(db.client(), db.tableName("AggregatesTable"),
            Clock.fixed(NOW, ZoneOffset.UTC));

    @Test
    void after_shouldReadEntriesInNumericOrder_whenSequenceNumbersDifferInLength() {
        // GIVEN entries of one partition whose sequence numbers have 3, 21 and 22 digits, written out of order
        feed.append("orders", 2, "1000000000000000000001", List.of("orders.c"));
        feed.append("orders", 2, "999", List.of("orders.a"));
        feed.append("orders", 2, "100000000000000000000", List.of("orders.b", "bare-legacy-id"));
        // WHEN the feed is read from the start, and after the second entry
        List<ChangeFeed.Entry> all = feed.after("orders", Map.of(), 100);
        List<ChangeFeed.Entry> rest = feed.after("orders", Map.of(2, "100000000000000000000"), 100);
        // THEN the entries come as the numbers order, each id as it was given (an older bare id too)
        assertThat(all).extracting(ChangeFeed.Entry::responseIds)
                .containsExactly(List.of("orders.a"), List.of("orders.b", "bare-legacy-id"), List.of("orders.c"));
        assertThat(rest).containsExactly(new ChangeFeed.Entry(2, "1000000000000000000001", List.of("orders.c")));
        // AND the heads are each partition's newest entry
        assertThat(feed.heads("orders")).isEqualTo(Map.of(2, "1000000000000000000001"));
    }

    @Test
    void append_shouldStoreIdsShortAndExpireAfterTheKeptDays_whenIdsNameTheSurvey() {
        // GIVEN an entry of a survey's answers
        feed.append("kept", 0, "42", List.of("kept.0b8d1f2e-3a4b-4c5d-8e9f-0a1b2c3d4e5f"));
        // WHEN it is read as stored
        var item = db.client().getItem(request -> request.tableName(db.tableName("AggregatesTable"))
                .key(Map.of("pk", AttributeValue.fromS("CHANGES#kept#0"),
                        "sk", AttributeValue.fromS("0".repeat(38) + "42")))).item();
        // THEN the id is kept without its survey and the entry goes by TTL after 35 days
        assertThat(item.get("ids").l()).containsExactly(AttributeValue.fromS("0b8d1f2e-3a4b-4c5d-8e9f-0a1b2c3d4e5f"));
        assertThat(item.get("expiresAt").n()).isEqualTo(Long.toString(NOW.plusSeconds(35L * 86_400).getEpochSecond()));
    }

    @Test
    void after_shouldStopNearTheLimit_andGoOnInTheNextPartition() {
        // GIVEN three entries of 2 answers in partitions 0 and 1
        feed.append("paged", 0, "1", List.of("paged.a", "paged.b"));
        feed.append("paged", 0, "2", List.of("paged.c", "paged.d"));
        feed.append("paged", 1, "3", List.of("paged.e", "paged.f"));
        // WHEN read with a limit of 3 answers, then on from where that stopped
        List<ChangeFeed.Entry> first = feed.after("paged", Map.of(), 3);
        List<ChangeFeed.Entry> second = feed.after("paged", Map.of(0, "2"), 3);
        // THEN the first read stops after the entry that reached the limit; the second reads the other partition
        assertThat(first).extracting(ChangeFeed.Entry::sequenceNumber).containsExactly("1", "2");
        assertThat(second).extracting(ChangeFeed.Entry::sequenceNumber).containsExactly("3");
    }
}
