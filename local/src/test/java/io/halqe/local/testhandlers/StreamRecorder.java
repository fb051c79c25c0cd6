package io.halqe.local.testhandlers;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.events.DynamodbEvent;
import com.amazonaws.services.lambda.runtime.events.StreamsEventResponse;
import com.amazonaws.services.lambda.runtime.events.models.dynamodb.AttributeValue;
import io.halqe.aws.runtime.AwsClients;
import io.halqe.aws.runtime.LambdaEnvironment;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import software.amazon.awssdk.services.eventbridge.EventBridgeClient;
import software.amazon.awssdk.services.eventbridge.model.PutEventsRequestEntry;

/**
 * Records the sk of every record it gets (one list per batch). An item with {@code fail=always} is reported as a
 * batch item failure every time, {@code fail=once} the first time only; {@code kind=...} puts an ItemAdded event.
 */
public class StreamRecorder implements RequestHandler<DynamodbEvent, StreamsEventResponse> {

    public static final List<List<String>> BATCHES = new CopyOnWriteArrayList<>();
    public static final List<String> FAILED_ONCE = new CopyOnWriteArrayList<>();

    private final EventBridgeClient events;
    private final String bus;

    public StreamRecorder() {
        AwsClients clients = new AwsClients(LambdaEnvironment.current());
        this.events = clients.eventBridge();
        this.bus = LambdaEnvironment.current().require("EVENT_BUS");
    }

    @Override
    public StreamsEventResponse handleRequest(DynamodbEvent event, Context context) {
        List<String> batch = new ArrayList<>();
        List<StreamsEventResponse.BatchItemFailure> failures = new ArrayList<>();
        for (DynamodbEvent.DynamodbStreamRecord record : event.getRecords()) {
            Map<String, AttributeValue> image = record.getDynamodb().getNewImage();
            String sk = image.get("sk").getS();
            batch.add(sk);
            String fail = image.containsKey("fail") ? image.get("fail").getS() : "";
            if (fail.equals("always") || (fail.equals("once") && !FAILED_ONCE.contains(sk))) {
                FAILED_ONCE.add(sk);
                failures.add(new StreamsEventResponse.BatchItemFailure(record.getDynamodb().getSequenceNumber()));
                continue;
            }
            if (image.containsKey("kind")) {
                String kind = image.get("kind").getS();
                events.putEvents(request -> request.entries(PutEventsRequestEntry.builder().eventBusName(bus)
                        .source("test").detailType("ItemAdded")
                        .detail("{\"kind\":\"" + kind + "\",\"sk\":\"" + sk + "\"}").build()));
            }
        }
        BATCHES.add(batch);
        return new StreamsEventResponse(failures);
    }
}
