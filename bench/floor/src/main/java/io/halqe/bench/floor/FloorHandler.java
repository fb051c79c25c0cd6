package io.halqe.bench.floor;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestStreamHandler;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.UUID;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.DynamoDbClientBuilder;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * The floor the functions' cold starts and warm latency are measured against: one DynamoDB client built at init,
 * one PutItem per invocation, the event read and ignored. Configured like the functions' clients
 * (io.halqe.aws.runtime.AwsClients: the endpoint variable, static keys against an emulator) so both pay the same.
 */
public final class FloorHandler implements RequestStreamHandler {

    private final DynamoDbClient dynamo;
    private final String table;

    public FloorHandler() {
        Map<String, String> env = System.getenv();
        DynamoDbClientBuilder builder = DynamoDbClient.builder().httpClient(UrlConnectionHttpClient.create());
        String endpoint = env.get("AWS_ENDPOINT_URL_DYNAMODB");
        if (endpoint != null) {
            builder.endpointOverride(URI.create(endpoint)).credentialsProvider(StaticCredentialsProvider.create(
                    AwsBasicCredentials.create(env.get("AWS_ACCESS_KEY_ID"), env.get("AWS_SECRET_ACCESS_KEY"))));
        }
        this.dynamo = builder.build();
        this.table = env.get("FLOOR_TABLE");
    }

    @Override
    public void handleRequest(InputStream input, OutputStream output, Context context) throws java.io.IOException {
        input.readAllBytes();
        String id = UUID.randomUUID().toString();
        dynamo.putItem(request -> request.tableName(table).item(Map.of(
                "pk", AttributeValue.fromS("bench#floor"), "sk", AttributeValue.fromS(id))));
        output.write(("{\"stored\":\"" + id + "\"}").getBytes(StandardCharsets.UTF_8));
    }
}
