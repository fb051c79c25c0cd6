package io.halqe.local.runtime.testing;

import io.halqe.local.runtime.LocalDynamoDb;
import java.net.URI;
import java.util.Map;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/**
 * One {@link LocalDynamoDb} for a test class, started before its {@code @BeforeAll} methods and closed after its
 * {@code @AfterAll} methods:
 * <pre>{@code
 * @RegisterExtension
 * static final LocalDynamoDbPerClass db = new LocalDynamoDbPerClass();
 * ... new DynamoResponseRepository(db.client(), db.tableName("ResponsesTable")) ...
 * }</pre>
 * Kept apart from LocalDynamoDb because the local cloud ships that class without JUnit on its classpath.
 */
public final class LocalDynamoDbPerClass implements BeforeAllCallback, AfterAllCallback {

    private LocalDynamoDb db;

    @Override
    public void beforeAll(ExtensionContext context) {
        db = LocalDynamoDb.start();
    }

    @Override
    public void afterAll(ExtensionContext context) {
        if (db != null) {
            db.close();
            db = null;
        }
    }

    public DynamoDbClient client() {
        return started().client();
    }

    public URI endpoint() {
        return started().endpoint();
    }

    public Map<String, String> tableNames() {
        return started().tableNames();
    }

    public String tableName(String logicalId) {
        return started().tableName(logicalId);
    }

    public void clear() {
        started().clear();
    }

    public void clear(String tableName) {
        started().clear(tableName);
    }

    private LocalDynamoDb started() {
        if (db == null) {
            throw new IllegalStateException("LocalDynamoDbPerClass is used outside its test class's lifetime");
        }
        return db;
    }
}
