package io.halqe.bench.coldstart;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.halqe.aws.dynamo.ResponseItems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

class BenchEventsTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    private static String sample(String function) throws Exception {
        return Files.readString(Path.of(System.getProperty("halqe.repoRoot", ".."), "events", function,
                BenchEvents.SAMPLES.get(function)));
    }

    @Test
    void personalize_shouldGiveEachInvocationItsOwnClientAndKey_whenTheEventIsAnHttpApiRequest() throws Exception {
        // GIVEN the submission's sample POST
        String event = sample("submission");

        // WHEN it is personalized and filled in for invocation 7
        JsonNode personal = JSON.readTree(BenchEvents.personalize(event).replace("@SEQ@", BenchEvents.seq(7)));

        // THEN its source address and idempotency key are the invocation's, the rest as in events/
        assertThat(personal.at("/requestContext/http/sourceIp").asText()).isEqualTo("2001:db8::000000000007");
        assertThat(personal.at("/headers/x-forwarded-for").asText()).isEqualTo("2001:db8::000000000007");
        assertThat(personal.at("/headers/idempotency-key").asText()).isEqualTo("sample-order-1001-000000000007");
        assertThat(personal.get("body")).isEqualTo(JSON.readTree(event).get("body"));
    }

    @Test
    void personalize_shouldGiveTheSampleResponseAndBusEventIdsOfTheirOwn_whenTheEventIsOnTheBus() throws Exception {
        // GIVEN alerts' sample ResponseEnriched
        String event = sample("alerts");

        // WHEN it is personalized and filled in for invocation 12
        JsonNode personal = JSON.readTree(BenchEvents.personalize(event).replace("@SEQ@", BenchEvents.seq(12)));

        // THEN the response and the bus event are new ones, still UUID-shaped
        assertThat(personal.at("/detail/responseId").asText()).isEqualTo("3f2c1b9e-0d7a-4b6e-9a51-000000000012");
        assertThat(personal.get("id").asText()).isEqualTo("6a7e8feb-b491-4cf7-a9f1-000000000012");
    }

    @Test
    void storedResponse_shouldBeTheInsertedImage_whenAnInvocationNamesItsOwnResponse() throws Exception {
        // GIVEN enrichment's sample INSERT
        String inserted = sample("enrichment");

        // WHEN the response of the first invocation is made from it
        String seq = BenchEvents.seq(BenchEvents.nextSeq(0));
        Map<String, AttributeValue> item = BenchEvents.storedResponse(inserted, seq);

        // THEN it is that image with the invocation's response id in its key and attributes
        String responseId = "3f2c1b9e-0d7a-4b6e-9a51-" + seq;
        assertThat(item.get("pk").s()).isEqualTo("S#demo-nps#7");
        assertThat(item.get("sk").s()).isEqualTo("R#" + responseId);
        assertThat(item.get("responseId").s()).isEqualTo(responseId);
        assertThat(item.get("answers").m()).containsKey("nps");
    }

    @Test
    void nextSeq_shouldKeepTheResponseInTheSamplesPartition_whenInvocationsFollowEachOther() {
        // GIVEN the samples' key: the sample response in partition 7
        assertThat(ResponseItems.partitionOf(BenchEvents.SAMPLE_RESPONSE_ID)).isEqualTo(7);

        // WHEN the next invocation numbers are taken one after another
        long first = BenchEvents.nextSeq(0);
        long second = BenchEvents.nextSeq(first);

        // THEN they grow, and each one's response id is where the samples' key says (repositories find it by id)
        assertThat(second).isGreaterThan(first).isGreaterThan(0);
        for (long number : new long[] {first, second}) {
            String responseId = BenchEvents.SAMPLE_RESPONSE_ID.substring(0, 24) + BenchEvents.seq(number);
            assertThat(ResponseItems.key("demo-nps", responseId).get("pk").s()).isEqualTo("S#demo-nps#7");
        }
    }
}
