package io.halqe.local.runtime;

import static org.assertj.core.api.Assertions.assertThat;

import io.halqe.local.runtime.testing.LocalDynamoDbPerClass;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.TableDescription;

/** LocalDynamoDb: DynamoDB Local with template.yaml's tables, as the adapters' tests use it. */
class LocalDynamoDbTest {

    @RegisterExtension
    static final LocalDynamoDbPerClass db = new LocalDynamoDbPerClass();

    @Test
    void start_shouldCreateEveryTableWithItsIndexesAndStream_whenTheTemplateDeclaresThem() {
        // GIVEN a started LocalDynamoDb
        // WHEN its tables are described
        TableDescription responses = db.client().describeTable(r -> r.tableName(db.tableName("ResponsesTable"))).table();
        // THEN they carry the template's names, GSIs and stream
        assertThat(db.tableNames()).containsEntry("SurveysTable", "halqe-local-SurveysTable").hasSize(9);
        assertThat(db.client().listTables().tableNames()).containsAll(db.tableNames().values());
        assertThat(responses.globalSecondaryIndexes()).extracting(gsi -> gsi.indexName()).containsExactlyInAnyOrder("byId", "bySurvey", "byDraftDue");
        assertThat(responses.streamSpecification().streamEnabled()).isTrue();
        assertThat(responses.latestStreamArn()).isNotBlank();
    }

    @Test
    void clear_shouldDeleteEveryItem_whenTablesHaveItems() {
        // GIVEN items in a table
        String table = db.tableName("CasesTable");
        for (int i = 0; i < 30; i++) {
            int n = i;
            db.client().putItem(r -> r.tableName(table).item(Map.of("pk", AttributeValue.fromS("C#" + n), "sk", AttributeValue.fromS("case"))));
        }
        // WHEN the tables are cleared
        db.clear();
        // THEN the table is empty
        assertThat(db.client().scan(r -> r.tableName(table)).count()).isZero();
    }
}
