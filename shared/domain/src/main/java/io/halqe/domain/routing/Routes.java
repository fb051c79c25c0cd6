package io.halqe.domain.routing;

import java.util.List;

/** Where a response goes: team ids, account owners' emails, and the ids of the rules that said so. */
public record Routes(List<String> teams, List<String> owners, List<String> rules) {

    public static final Routes NONE = new Routes(List.of(), List.of(), List.of());

    public Routes {
        teams = List.copyOf(teams);
        owners = List.copyOf(owners);
        rules = List.copyOf(rules);
    }
}
