package io.halqe.local;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.halqe.local.runtime.SamTemplate;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.dynamodb.model.Record;
import software.amazon.awssdk.services.dynamodb.model.ShardIteratorType;
import software.amazon.awssdk.services.dynamodb.streams.DynamoDbStreamsClient;

/**
 * At-least-once delivery through the local cloud: after answers are scored, every record of the Responses stream that
 * the template routes to scoring is delivered to the scoring function again — in small batches, then all at once —
 * and no figure may change.
 */
class ScoringReplayTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final HttpClient HTTP = HttpClient.newHttpClient();
    private static LocalCloud cloud;

    @BeforeAll
    static void start() {
        // hundreds of answers from this one process in a minute: the per-source limit is not what this test is about
        cloud = LocalCloud.start(LocalCloudOptions.defaults().withPort(0)
                .withAnswerLog(io.halqe.local.openapi.RecordedAnswers.newLog()).withBackground(false)
                .withParameter("AnonymousAnswersPerMinute", "0"));
    }

    @AfterAll
    static void stop() {
        cloud.close();
    }

    private static JsonNode metrics() throws Exception {
        HttpResponse<String> response = HTTP.send(HttpRequest.newBuilder(
                        cloud.baseUrl().resolve("/api/surveys/demo-nps/metrics?groupBy=plan&interval=day"))
                .header("authorization", "Bearer " + cloud.apiKey()).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).isEqualTo(200);
        return JSON.readTree(response.body());
    }

    /** Every record of the Responses stream, as Lambda would deliver it, that the scoring function's filter selects. */
    private static List<JsonNode> scoringRecords() {
        String table = cloud.tableNames().get("ResponsesTable");
        String streamArn = cloud.dynamoDb().describeTable(r -> r.tableName(table)).table().latestStreamArn();
        SamTemplate.Event event = cloud.template().function("ScoringFunction").events("DynamoDB").get(0);
        List<String> patterns = new ArrayList<>();
        SamTemplate.list(SamTemplate.map(event.properties().get("FilterCriteria")).get("Filters"))
                .forEach(filter -> patterns.add(String.valueOf(SamTemplate.map(filter).get("Pattern"))));
        StreamRecords.Filter filter = StreamRecords.Filter.of(patterns);
        List<JsonNode> selected = new ArrayList<>();
        try (DynamoDbStreamsClient streams = DynamoDbStreamsClient.builder().endpointOverride(cloud.dynamoDbEndpoint())
                .region(Region.US_EAST_1).httpClient(UrlConnectionHttpClient.builder().build())
                .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create("local", "local"))).build()) {
            for (var shard : streams.describeStream(r -> r.streamArn(streamArn)).streamDescription().shards()) {
                String iterator = streams.getShardIterator(r -> r.streamArn(streamArn).shardId(shard.shardId())
                        .shardIteratorType(ShardIteratorType.TRIM_HORIZON)).shardIterator();
                while (iterator != null) {
                    String current = iterator;
                    var page = streams.getRecords(r -> r.shardIterator(current));
                    for (Record record : page.records()) {
                        ObjectNode lambda = StreamRecords.toLambdaRecord(record, streamArn, "us-east-1");
                        if (filter.matches(lambda)) {
                            selected.add(lambda);
                        }
                    }
                    iterator = page.records().isEmpty() ? null : page.nextShardIterator();
                }
            }
        }
        return selected;
    }

    @Test
    void redeliveredStreamRecords_shouldChangeNoFigure_inAnyBatching() throws Exception {
        // GIVEN 60 answers over two plans, scored
        for (int i = 0; i < 60; i++) {
            String body = "{\"answers\":{\"nps\":" + (i % 11) + "},\"hidden\":{\"plan\":\"" + (i % 2 == 0 ? "pro" : "basic") + "\"}}";
            HttpResponse<String> sent = HTTP.send(HttpRequest.newBuilder(cloud.baseUrl().resolve("/s/demo-nps/responses"))
                    .header("content-type", "application/json").POST(HttpRequest.BodyPublishers.ofString(body)).build(),
                    HttpResponse.BodyHandlers.ofString());
            assertThat(sent.statusCode()).isEqualTo(201);
        }
        cloud.drain();
        JsonNode before = metrics();
        assertThat(before.get("responses").asInt()).isEqualTo(60);
        // WHEN the scoring records are delivered again: in batches of 7, then all at once
        List<JsonNode> records = scoringRecords();
        assertThat(records).hasSize(60);
        for (int from = 0; from < records.size(); from += 7) {
            cloud.invoke("ScoringFunction", StreamRecords.event(records.subList(from, Math.min(records.size(), from + 7))).toString());
        }
        String output = cloud.invoke("ScoringFunction", StreamRecords.event(records).toString());
        // THEN nothing failed and no figure changed
        assertThat(JSON.readTree(output).path("batchItemFailures")).isEmpty();
        assertThat(metrics()).isEqualTo(before);
        assertThat(Map.of("pro", before.at("/groups/1/responses").asInt(), "basic", before.at("/groups/0/responses").asInt()))
                .containsEntry("pro", 30).containsEntry("basic", 30);
    }
}
