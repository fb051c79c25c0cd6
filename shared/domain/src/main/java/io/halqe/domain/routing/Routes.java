package io.halqe.domain.routing;

import java.util.List;

/**
 * Where a response goes: team ids, account owners' emails, and the ids of the rules that said so; {@code owningTeams}
 * are the teams whose ownership rules matched ({@link RoutingRule#owns}), over which team figures are computed.
 */
public record Routes(List<String> teams, List<String> owners, List<String> rules, List<String> owningTeams) {

    public static final Routes NONE = new Routes(List.of(), List.of(), List.of(), List.of());

    public Routes {
        teams = List.copyOf(teams);
        owners = List.copyOf(owners);
        rules = List.copyOf(rules);
        owningTeams = List.copyOf(owningTeams);
    }

    /** Routes where every team owns what it was routed (no rule conditioned on the score). */
    public Routes(List<String> teams, List<String> owners, List<String> rules) {
        this(teams, owners, rules, teams);
    }
}
