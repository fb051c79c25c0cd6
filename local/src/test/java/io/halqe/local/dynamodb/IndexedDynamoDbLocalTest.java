package io.halqe.local.dynamodb;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.BillingMode;
import software.amazon.awssdk.services.dynamodb.model.KeyType;
import software.amazon.awssdk.services.dynamodb.model.Record;
import software.amazon.awssdk.services.dynamodb.model.ScalarAttributeType;
import software.amazon.awssdk.services.dynamodb.model.ShardIteratorType;
import software.amazon.awssdk.services.dynamodb.model.StreamViewType;
import software.amazon.awssdk.services.dynamodb.streams.DynamoDbStreamsClient;

/**
 * DynamoDB Local as the local cloud runs it ({@link DynamoDbLocalServer}, {@link IndexedDynamoDbLocal}): its stream
 * records indexed by stream and by shard before anyone gets its endpoint, and its streams read as before.
 */
class IndexedDynamoDbLocalTest {

    private static DynamoDbLocalServer server;

    @BeforeAll
    static void start() {
        server = DynamoDbLocalServer.start();
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    @Test
    void start_shouldSeekStreamRecordsByStreamAndFromAShardsIterator_beforeHandingOutTheEndpoint() {
        // GIVEN DynamoDB Local, started (above)
        // WHEN SQLite is asked how it runs DynamoDB Local's reads of stream records (it answered once the indexes were
        // made, before the endpoint was handed out)
        List<String> plans = server.streamRecordReadPlans();
        // THEN a stream's first record is one step into its index, and a shard's read seeks straight to its iterator's
        // sequence number (the row id) instead of walking every earlier record of the shard
        assertThat(plans).containsExactly(
                "describe: SEARCH TABLE us USING COVERING INDEX halqe_us_by_stream (StreamID=?)",
                "read: SEARCH TABLE us USING INDEX halqe_us_by_shard (ShardID=? AND rowid>?)");
    }

    @Test
    void stream_shouldHandOverEveryRecordInOrder_withTheIndexes() {
        // GIVEN a table with a stream, in the indexed DynamoDB Local
        StaticCredentialsProvider keys = StaticCredentialsProvider.create(AwsBasicCredentials.create("local", "local"));
        try (DynamoDbClient dynamo = DynamoDbClient.builder().endpointOverride(server.endpoint())
                .region(Region.US_EAST_1).credentialsProvider(keys).build();
             DynamoDbStreamsClient streams = DynamoDbStreamsClient.builder().endpointOverride(server.endpoint())
                     .region(Region.US_EAST_1).credentialsProvider(keys).build()) {
            String arn = dynamo.createTable(table -> table.tableName("ordered").billingMode(BillingMode.PAY_PER_REQUEST)
                    .attributeDefinitions(key -> key.attributeName("pk").attributeType(ScalarAttributeType.S))
                    .keySchema(key -> key.attributeName("pk").keyType(KeyType.HASH))
                    .streamSpecification(stream -> stream.streamEnabled(true).streamViewType(StreamViewType.KEYS_ONLY)))
                    .tableDescription().latestStreamArn();
            // WHEN 50 items are written, then 10 of them again, changed
            for (int i = 0; i < 60; i++) {
                String key = "item-" + (i % 50);
                String n = Integer.toString(i);
                dynamo.putItem(put -> put.tableName("ordered").item(Map.of("pk", AttributeValue.fromS(key),
                        "n", AttributeValue.fromN(n))));
            }
            // THEN its one shard hands over the 60 records in the order they were written
            String shard = streams.describeStream(describe -> describe.streamArn(arn)).streamDescription().shards()
                    .getFirst().shardId();
            String iterator = streams.getShardIterator(get -> get.streamArn(arn).shardId(shard)
                    .shardIteratorType(ShardIteratorType.TRIM_HORIZON)).shardIterator();
            List<Record> records = streams.getRecords(get -> get.shardIterator(iterator).limit(1000)).records();
            assertThat(records).extracting(record -> record.dynamodb().keys().get("pk").s())
                    .containsExactlyElementsOf(java.util.stream.IntStream.range(0, 60).mapToObj(i -> "item-" + (i % 50))
                            .toList());
            assertThat(records).extracting(record -> new java.math.BigInteger(record.dynamodb().sequenceNumber()))
                    .isSorted();
        }
    }
}
