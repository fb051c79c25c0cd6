package io.halqe.local.testhandlers;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestStreamHandler;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Base64;

/** A stream handler: answers 201 with the raw event it read as a base64 body. */
public class RawStreamHandler implements RequestStreamHandler {

    private static final ObjectMapper MAPPER = new ObjectMapper();

    @Override
    public void handleRequest(InputStream input, OutputStream output, Context context) throws IOException {
        String event = new String(input.readAllBytes(), StandardCharsets.UTF_8);
        ObjectNode response = MAPPER.createObjectNode();
        response.put("statusCode", 201);
        response.putObject("headers").put("content-type", "application/json");
        response.putObject("multiValueHeaders").putArray("x-multi").add("one").add("two");
        response.put("isBase64Encoded", true);
        response.put("body", Base64.getEncoder().encodeToString(event.getBytes(StandardCharsets.UTF_8)));
        output.write(MAPPER.writeValueAsBytes(response));
    }
}
