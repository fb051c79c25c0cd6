package io.halqe.aws.stream;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;

/** A stream function's first-invocation path without its effects: a batch read, its images converted, an answer written. */
public final class StreamPriming {

    private static final byte[] BATCH = """
            {"Records":[{"eventID":"priming","eventName":"INSERT","eventSource":"aws:dynamodb","dynamodb":{
              "Keys":{"pk":{"S":"S#priming#0"},"sk":{"S":"R#priming"}},
              "NewImage":{"pk":{"S":"S#priming#0"},"sk":{"S":"R#priming"},"answers":{"M":{"nps":{"N":"9"}}},
                "tags":{"L":[{"S":"a"},{"BOOL":true},{"NULL":true}]}},
              "SequenceNumber":"1","SizeBytes":100,"ApproximateCreationDateTime":1767225600}}]}
            """.getBytes(StandardCharsets.UTF_8);

    private StreamPriming() {
    }

    public static void readAndAnswer() {
        try {
            var event = StreamEvents.read(new ByteArrayInputStream(BATCH));
            event.getRecords().forEach(record -> {
                StreamBatches.newImage(record);
                StreamBatches.keys(record);
            });
            StreamEvents.write(new com.amazonaws.services.lambda.runtime.events.StreamsEventResponse(List.of()),
                    new ByteArrayOutputStream());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
