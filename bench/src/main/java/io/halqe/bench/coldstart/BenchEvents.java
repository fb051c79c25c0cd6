package io.halqe.bench.coldstart;

import com.amazonaws.services.lambda.runtime.events.DynamodbEvent;
import com.amazonaws.services.lambda.runtime.events.transformers.v2.dynamodb.DynamodbAttributeValueTransformer;
import com.amazonaws.services.lambda.runtime.serialization.events.LambdaEventSerializers;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.halqe.aws.dynamo.ResponseItems;
import java.io.UncheckedIOException;
import java.util.Map;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * Which of events/ each function is started with, and how it is made repeatable: each invocation has a number
 * ({@code @SEQ@}, filled in by {@link LambdaLauncher}). An HTTP API event gets a source address and idempotency key of
 * its own, so repeated submissions are new answers under the per-source limit, not replays of the first; the stream and
 * bus samples' response (one id across events/) becomes a response of its own, stored before the sample runs, so
 * enrichment, scoring and alerts do their real work each time rather than find it done.
 */
public final class BenchEvents {

    private static final ObjectMapper JSON = new ObjectMapper();

    /** events/&lt;zip name&gt;/&lt;file&gt;: each function's main path, the one its cold starts are felt on. */
    public static final Map<String, String> SAMPLES = Map.of(
            "submission", "post-response.json",
            "enrichment", "response-inserted.json",
            "scoring", "response-enriched.json",
            "alerts", "detractor-response-enriched.json",
            "remeasure", "order-delivered.json",
            "api", "get-open-cases.json");

    /** The response the enrichment, scoring and alerts samples are about. */
    public static final String SAMPLE_RESPONSE_ID = "3f2c1b9e-0d7a-4b6e-9a51-2c8f7e6d5a41";
    private static final String RESPONSE_ID_PREFIX = SAMPLE_RESPONSE_ID.substring(0, 24);

    private BenchEvents() {
    }

    /** An invocation's number as {@code @SEQ@} takes it: 12 digits, so a response id stays a UUID. */
    public static String seq(long number) {
        return String.format("%012d", number);
    }

    /**
     * The first invocation number after {@code after} whose response id hashes to the sample's partition: the
     * samples' keys (pk {@code S#demo-nps#7}) stay the ones the repositories compute for the id, so a function that
     * looks the response up by its id finds it.
     */
    public static long nextSeq(long after) {
        int samplePartition = ResponseItems.partitionOf(SAMPLE_RESPONSE_ID);
        long number = after + 1;
        while (ResponseItems.partitionOf(RESPONSE_ID_PREFIX + seq(number)) != samplePartition) {
            number++;
        }
        return number;
    }

    /**
     * The event with {@code @SEQ@} in the sample response's id, and where an HTTP API v2 request names its client and
     * its idempotency key.
     */
    public static String personalize(String eventJson) {
        try {
            JsonNode event = JSON.readTree(eventJson.replace(SAMPLE_RESPONSE_ID, RESPONSE_ID_PREFIX + "@SEQ@"));
            if (event.has("detail-type") && event instanceof ObjectNode busEvent) {
                // a bus event of its own each time: handlers that remember event ids would skip a repeat
                String id = busEvent.path("id").asText();
                busEvent.put("id", (id.length() > 24 ? id.substring(0, 24) : id + "-") + "@SEQ@");
            }
            JsonNode http = event.path("requestContext").path("http");
            if (http instanceof ObjectNode httpNode) {
                httpNode.put("sourceIp", "2001:db8::@SEQ@");
                if (event.get("headers") instanceof ObjectNode headers) {
                    if (headers.has("x-forwarded-for")) {
                        headers.put("x-forwarded-for", "2001:db8::@SEQ@");
                    }
                    if (headers.has("idempotency-key")) {
                        headers.put("idempotency-key", headers.get("idempotency-key").asText() + "-@SEQ@");
                    }
                }
            }
            return JSON.writeValueAsString(event);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * The stored response that invocation {@code seq}'s events refer to: the new image of enrichment's INSERT sample,
     * read with the runtime's serializer and the events' own SDK transformer.
     */
    public static Map<String, AttributeValue> storedResponse(String insertedEventJson, String seq) {
        DynamodbEvent event = LambdaEventSerializers.serializerFor(DynamodbEvent.class, BenchEvents.class.getClassLoader())
                .fromJson(insertedEventJson.replace(SAMPLE_RESPONSE_ID, RESPONSE_ID_PREFIX + seq));
        return DynamodbAttributeValueTransformer.toAttributeValueMapV2(event.getRecords().get(0).getDynamodb().getNewImage());
    }
}
