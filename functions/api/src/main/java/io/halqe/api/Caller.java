package io.halqe.api;

import io.halqe.aws.http.HttpRequest;
import io.halqe.domain.access.Principal;
import java.util.Arrays;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The authenticated caller, as {@link ApiHandler} hands it to the routes: two request headers it sets after
 * authentication, replacing whatever the client sent under those names. Routes read who acts (note authors, key
 * makers, the audit log) and which teams' cases and answers they may see.
 */
final class Caller {

    static final String ACTOR = "x-halqe-actor";
    static final String TEAMS = "x-halqe-teams";

    private Caller() {
    }

    static HttpRequest attach(HttpRequest request, Principal principal) {
        return request.withHeader(ACTOR, principal.actor()).withHeader(TEAMS, String.join(",", principal.teams()));
    }

    static String actor(HttpRequest request) {
        return request.header(ACTOR).orElseThrow(() -> new IllegalStateException("no authenticated caller"));
    }

    /** The teams the caller may see; empty: every team. */
    static Set<String> teams(HttpRequest request) {
        String teams = request.header(TEAMS).orElse("");
        return teams.isEmpty() ? Set.of() : Arrays.stream(teams.split(",")).collect(Collectors.toUnmodifiableSet());
    }

    /** Whether a case or answer of any of {@code teams} is the caller's to see. */
    static boolean sees(HttpRequest request, java.util.Collection<String> owners) {
        Set<String> mine = teams(request);
        return mine.isEmpty() || owners.stream().anyMatch(mine::contains);
    }
}
