package io.halqe.aws.dynamo;

import com.fasterxml.jackson.core.JsonProcessingException;
import io.halqe.aws.json.Json;
import io.halqe.domain.survey.Survey;
import io.halqe.domain.survey.SurveyRepository;
import java.util.Map;
import java.util.Optional;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * Surveys: pk {@code SURVEY#<id>}; sk {@code CURRENT} is the live definition, {@code V#<000001>} each version
 * (kept so old responses can always be read against the version they answered).
 */
public final class DynamoSurveyRepository implements SurveyRepository {

    private final DynamoDbClient dynamo;
    private final String table;

    public DynamoSurveyRepository(DynamoDbClient dynamo, String table) {
        this.dynamo = dynamo;
        this.table = table;
    }

    @Override
    public Optional<Survey> find(String surveyId) {
        var item = dynamo.getItem(request -> request.tableName(table).key(key(surveyId, "CURRENT"))).item();
        if (item == null || item.isEmpty()) {
            return Optional.empty();
        }
        try {
            return Optional.of(Json.MAPPER.readValue(item.get("definition").s(), Survey.class));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("stored survey " + surveyId + " is unreadable", e);
        }
    }

    @Override
    public void save(Survey survey) {
        String definition = Json.write(survey);
        for (String sk : new String[] {"CURRENT", "V#%06d".formatted(survey.version())}) {
            var item = new java.util.HashMap<>(key(survey.id(), sk));
            item.put("definition", Items.s(definition));
            item.put("version", Items.n(survey.version()));
            dynamo.putItem(request -> request.tableName(table).item(item));
        }
    }

    private static Map<String, AttributeValue> key(String surveyId, String sk) {
        return Map.of("pk", Items.s("SURVEY#" + surveyId), "sk", Items.s(sk));
    }
}
