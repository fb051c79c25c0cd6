package io.halqe.aws.dynamo;

import io.halqe.domain.core.Team;
import io.halqe.domain.core.TeamDirectory;
import java.util.Map;
import java.util.Optional;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/** Directory: teams at pk {@code TEAM#<id>}, sk {@code TEAM} (customers join them here in a later issue). */
public final class DynamoTeamDirectory implements TeamDirectory {

    private final DynamoDbClient dynamo;
    private final String table;

    public DynamoTeamDirectory(DynamoDbClient dynamo, String table) {
        this.dynamo = dynamo;
        this.table = table;
    }

    @Override
    public Optional<Team> team(String teamId) {
        var item = dynamo.getItem(request -> request.tableName(table).key(key(teamId))).item();
        if (item == null || item.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(new Team(Items.string(item, "teamId"), Items.string(item, "name"),
                Items.string(item, "ownerEmail")));
    }

    @Override
    public void save(Team team) {
        var item = new java.util.HashMap<>(key(team.id()));
        item.put("teamId", Items.s(team.id()));
        item.put("name", Items.s(team.name()));
        item.put("ownerEmail", Items.s(team.ownerEmail()));
        dynamo.putItem(request -> request.tableName(table).item(item));
    }

    private static Map<String, AttributeValue> key(String teamId) {
        return Map.of("pk", Items.s("TEAM#" + teamId), "sk", Items.s("TEAM"));
    }
}
