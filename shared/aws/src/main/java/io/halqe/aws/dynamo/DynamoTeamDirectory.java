package io.halqe.aws.dynamo;

import io.halqe.domain.core.Team;
import io.halqe.domain.core.TeamDirectory;
import java.util.Map;
import java.util.Optional;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/** Directory: teams at pk {@code TEAM#<id>}, sk {@code TEAM}: name, owner's address, members, SNS filter value. */
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
        java.util.List<String> members = new java.util.ArrayList<>();
        item.getOrDefault("members", AttributeValue.fromL(java.util.List.of())).l().forEach(member -> members.add(member.s()));
        return Optional.of(new Team(Items.string(item, "teamId"), Items.string(item, "name"),
                Items.string(item, "ownerEmail"), members, Items.string(item, "snsFilter")));
    }

    @Override
    public void save(Team team) {
        var item = new java.util.HashMap<>(key(team.id()));
        item.put("teamId", Items.s(team.id()));
        item.put("name", Items.s(team.name()));
        if (team.ownerEmail() != null) {
            item.put("ownerEmail", Items.s(team.ownerEmail()));
        }
        if (!team.members().isEmpty()) {
            item.put("members", AttributeValue.fromL(team.members().stream().map(Items::s).toList()));
        }
        if (team.snsFilter() != null) {
            item.put("snsFilter", Items.s(team.snsFilter()));
        }
        dynamo.putItem(request -> request.tableName(table).item(item));
    }

    private static Map<String, AttributeValue> key(String teamId) {
        return Map.of("pk", Items.s("TEAM#" + teamId), "sk", Items.s("TEAM"));
    }
}
