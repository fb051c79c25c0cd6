package io.halqe.aws.dynamo;

import static org.assertj.core.api.Assertions.assertThat;

import io.halqe.domain.survey.DemoSurveys;
import io.halqe.domain.survey.Survey;
import io.halqe.local.runtime.testing.LocalDynamoDbPerClass;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

class DynamoSurveyRepositoryTest {

    @RegisterExtension
    static final LocalDynamoDbPerClass db = new LocalDynamoDbPerClass();
    private static DynamoSurveyRepository surveys;

    @BeforeAll
    static void start() {
        surveys = new DynamoSurveyRepository(db.client(), db.tableName("SurveysTable"));
    }

    private static Survey named(String id, int version, String name) {
        Survey demo = DemoSurveys.demoNps();
        return new Survey(id, version, io.halqe.domain.survey.LocalizedText.of(name), demo.kind(), demo.defaultLanguage(), demo.languages(), demo.questions(),
                demo.hiddenFields(), demo.requireSignedLink(), demo.touchpoint(), demo.allowedOrigins(), demo.thankYou(),
                demo.followUp(), demo.themes(), null, null, null, null);
    }

    @Test
    void create_shouldStoreOnce_andReplaceOnlyTheVersionItFollows() {
        // GIVEN version 1 created
        assertThat(surveys.create(named("s-versions", 1, "v1"))).isTrue();
        assertThat(surveys.create(named("s-versions", 1, "again"))).isFalse();
        // WHEN version 2 replaces it, and a stale writer also tries to write version 2
        assertThat(surveys.replace(named("s-versions", 2, "v2"))).isTrue();
        assertThat(surveys.replace(named("s-versions", 2, "stale"))).isFalse();
        // THEN the current version is 2, the whole definition round-trips, and version 1 is kept for old responses
        assertThat(surveys.find("s-versions")).contains(named("s-versions", 2, "v2"));
        var v1 = db.client().getItem(r -> r.tableName(db.tableName("SurveysTable")).key(java.util.Map.of(
                "pk", software.amazon.awssdk.services.dynamodb.model.AttributeValue.fromS("SURVEY#s-versions"),
                "sk", software.amazon.awssdk.services.dynamodb.model.AttributeValue.fromS("V#000001")))).item();
        assertThat(v1.get("definition").s()).contains("\"name\":\"v1\"");
    }

    @Test
    void list_shouldPageThroughCurrentVersionsOnly() {
        for (int i = 0; i < 5; i++) {
            surveys.create(named("s-list-" + i, 1, "n" + i));
        }
        surveys.replace(named("s-list-0", 2, "n0b"));
        List<String> ids = new ArrayList<>();
        String cursor = null;
        int pages = 0;
        do {
            var page = surveys.list(2, cursor);
            page.items().forEach(s -> ids.add(s.id() + "@" + s.version()));
            cursor = page.next();
        } while (cursor != null && ++pages < 50);
        assertThat(ids).contains("s-list-0@2", "s-list-1@1", "s-list-4@1").doesNotContain("s-list-0@1");
        assertThat(ids).doesNotHaveDuplicates();
    }
}
