package io.halqe.aws.dynamo;

import io.halqe.domain.core.Team;
import io.halqe.domain.core.TeamDirectory;
import java.util.Map;
import java.util.Optional;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * Directory: teams at pk {@code TEAM#<id>}, sk {@code TEAM}: name, owner's address, members, SNS filter value; and
 * each membership at pk {@code MEMBER#<user>}, sk {@code TEAM#<id>}, so a person's teams are one Query. Saving a team
 * takes removed members' memberships away first and adds the new ones last: a save cut short leaves someone with
 * less access, never more.
 */
public final class DynamoTeamDirectory implements TeamDirectory, io.halqe.domain.access.Memberships {

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
                Items.string(item, "ownerEmail"), members, Items.string(item, "snsFilter"),
                Items.string(item, "slackWebhookUrl"), Items.string(item, "language")));
    }

    @Override
    public java.util.Set<String> teamsOf(String user) {
        java.util.Set<String> teams = new java.util.TreeSet<>();
        for (var item : dynamo.queryPaginator(request -> request.tableName(table).keyConditionExpression("pk = :pk")
                .expressionAttributeValues(Map.of(":pk", Items.s("MEMBER#" + user))).consistentRead(true)).items()) {
            teams.add(item.get("sk").s().substring("TEAM#".length()));
        }
        return teams;
    }

    @Override
    public void save(Team team) {
        java.util.Set<String> before = team(team.id()).map(saved -> java.util.Set.copyOf(saved.members()))
                .orElse(java.util.Set.of());
        before.stream().filter(member -> !team.members().contains(member)).forEach(removed ->
                dynamo.deleteItem(request -> request.tableName(table).key(membership(removed, team.id()))));
        write(team);
        team.members().forEach(member -> dynamo.putItem(request -> request.tableName(table)
                .item(membership(member, team.id()))));
    }

    private static Map<String, AttributeValue> membership(String member, String teamId) {
        return Map.of("pk", Items.s("MEMBER#" + member), "sk", Items.s("TEAM#" + teamId));
    }

    private void write(Team team) {
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
        if (team.slackWebhookUrl() != null) {
            item.put("slackWebhookUrl", Items.s(team.slackWebhookUrl()));
        }
        if (team.language() != null) {
            item.put("language", Items.s(team.language()));
        }
        dynamo.putItem(request -> request.tableName(table).item(item));
    }

    private static Map<String, AttributeValue> key(String teamId) {
        return Map.of("pk", Items.s("TEAM#" + teamId), "sk", Items.s("TEAM"));
    }
}
