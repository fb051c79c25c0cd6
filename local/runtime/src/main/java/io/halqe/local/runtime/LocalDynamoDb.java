package io.halqe.local.runtime;

import io.halqe.local.dynamodb.DynamoDbLocalServer;
import java.net.URI;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.DeleteRequest;
import software.amazon.awssdk.services.dynamodb.model.ResourceInUseException;
import software.amazon.awssdk.services.dynamodb.model.ScanRequest;
import software.amazon.awssdk.services.dynamodb.model.ScanResponse;
import software.amazon.awssdk.services.dynamodb.model.WriteRequest;

/**
 * DynamoDB Local with every table of template.yaml. Tests take one per class through {@link LocalDynamoDbPerClass};
 * the local cloud uses {@link #client(URI)} and {@link #createTables}. It starts in a second or two, creating the
 * tables is immediate.
 */
public final class LocalDynamoDb implements AutoCloseable {

    private final DynamoDbLocalServer server;
    private final DynamoDbClient client;
    private final Map<String, String> tableNames;

    private LocalDynamoDb(DynamoDbLocalServer server, DynamoDbClient client, Map<String, String> tableNames) {
        this.server = server;
        this.client = client;
        this.tableNames = Map.copyOf(tableNames);
    }

    /** Starts DynamoDB Local and creates the repository template's tables as {@code halqe-local-<LogicalId>}. */
    public static LocalDynamoDb start() {
        return start(SamTemplate.load(), LocalResolver.DEFAULT_PREFIX);
    }

    public static LocalDynamoDb start(SamTemplate template, String prefix) {
        DynamoDbLocalServer server = DynamoDbLocalServer.start();
        try {
            DynamoDbClient client = client(server.endpoint());
            Map<String, String> names = createTables(client, template, prefix);
            return new LocalDynamoDb(server, client, names);
        } catch (RuntimeException e) {
            server.close();
            throw e;
        }
    }

    /** A client for DynamoDB Local: url-connection HTTP client, static credentials, us-east-1. */
    public static DynamoDbClient client(URI endpoint) {
        return DynamoDbClient.builder()
                .endpointOverride(endpoint)
                .region(Region.of(LocalResolver.REGION))
                .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create("local", "local")))
                .httpClient(UrlConnectionHttpClient.builder().build())
                .build();
    }

    /**
     * Creates every table of the template (PAY_PER_REQUEST, the declared GSIs and stream) named
     * {@code <prefix>-<LogicalId>}; a table that exists already is kept. Returns the names by logical id.
     */
    public static Map<String, String> createTables(DynamoDbClient client, SamTemplate template, String prefix) {
        LocalResolver resolver = new LocalResolver(template, prefix, Map.of());
        Map<String, String> names = new LinkedHashMap<>();
        template.tables().forEach((id, table) -> {
            String name = resolver.tableName(id);
            try {
                client.createTable(table.createTableRequest(name));
            } catch (ResourceInUseException exists) {
                // kept: the caller shares a server
            }
            names.put(id, name);
        });
        return names;
    }

    public DynamoDbClient client() {
        return client;
    }

    public URI endpoint() {
        return server.endpoint();
    }

    /** Physical table names by logical id ({@code SurveysTable -> halqe-local-SurveysTable}). */
    public Map<String, String> tableNames() {
        return tableNames;
    }

    public String tableName(String logicalId) {
        String name = tableNames.get(logicalId);
        if (name == null) {
            throw new IllegalArgumentException("no table " + logicalId + " in the template; tables: " + tableNames.keySet());
        }
        return name;
    }

    /** Deletes every item of every table (faster than recreating them), for tests that need a clean slate. */
    public void clear() {
        tableNames.values().forEach(this::clear);
    }

    public void clear(String tableName) {
        List<String> keyNames = client.describeTable(request -> request.tableName(tableName)).table().keySchema().stream()
                .map(key -> key.attributeName()).toList();
        Map<String, AttributeValue> start = null;
        do {
            Map<String, AttributeValue> exclusiveStart = start;
            ScanResponse page = client.scan(ScanRequest.builder().tableName(tableName)
                    .exclusiveStartKey(exclusiveStart).build());
            List<WriteRequest> deletes = page.items().stream().map(item -> {
                Map<String, AttributeValue> key = new LinkedHashMap<>();
                keyNames.forEach(name -> key.put(name, item.get(name)));
                return WriteRequest.builder().deleteRequest(DeleteRequest.builder().key(key).build()).build();
            }).toList();
            for (int from = 0; from < deletes.size(); from += 25) {
                List<WriteRequest> chunk = deletes.subList(from, Math.min(deletes.size(), from + 25));
                client.batchWriteItem(request -> request.requestItems(Map.of(tableName, chunk)));
            }
            start = page.hasLastEvaluatedKey() && !page.lastEvaluatedKey().isEmpty() ? page.lastEvaluatedKey() : null;
        } while (start != null);
    }

    @Override
    public void close() {
        try {
            client.close();
        } finally {
            server.close();
        }
    }
}
