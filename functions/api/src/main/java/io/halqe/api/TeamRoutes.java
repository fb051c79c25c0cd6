package io.halqe.api;

import io.halqe.aws.http.HttpProblem;
import io.halqe.aws.http.HttpResponses;
import io.halqe.aws.http.Router;
import io.halqe.domain.alerts.SendTeamDigests;
import io.halqe.domain.core.ManageTeams;
import io.halqe.domain.core.Team;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Teams: who owns their alerts and digests, who works their cases, and the SNS filter value of their alerts; and the
 * weekly digest a team would get for the week so far.
 */
record TeamRoutes(ManageTeams teams, SendTeamDigests digests) implements Router.Group {

    /**
     * {@code PUT /api/teams/{id}}: {@code {"name","ownerEmail","members":["sara"],"snsFilter":"logistics",
     * "slackWebhookUrl":"https://hooks.slack.com/services/…","language":"fa"}}.
     */
    record TeamBody(String name, String ownerEmail, List<String> members, String snsFilter, String slackWebhookUrl,
                    String language) {
    }

    @Override
    public void addTo(Router router) {
        router.get("/api/teams/{teamId}", request -> {
                    String teamId = request.pathParameter("teamId");
                    return teams.get(teamId).map(team -> HttpResponses.json(200, view(team)))
                            .orElseGet(() -> HttpResponses.error(404, "team_not_found", "there is no team " + teamId
                                    + "; PUT /api/teams/" + teamId + " makes it"));
                })
                .get("/api/teams/{teamId}/digest/preview", request -> {
                    String teamId = request.pathParameter("teamId");
                    // an id no team can have is not looked for (the preview reads every survey's weeks)
                    var built = teamId.matches(ManageTeams.ID) ? digests.preview(teamId, request.receivedAt())
                            : Optional.<SendTeamDigests.Preview>empty();
                    return built.map(preview -> HttpResponses.json(200,
                                    view(teamId, preview)))
                            .orElseGet(() -> HttpResponses.error(404, "team_not_found", "there is no team " + teamId
                                    + " and no answer was routed to it"));
                })
                .put("/api/teams/{teamId}", request -> {
                    TeamBody body = Queries.body(request, TeamBody.class);
                    return switch (teams.put(request.pathParameter("teamId"), new Team(null, body.name(),
                            body.ownerEmail(), body.members(), body.snsFilter(), body.slackWebhookUrl(),
                            body.language()))) {
                        case ManageTeams.Outcome.Saved saved -> HttpResponses.json(200, view(saved.team()));
                        case ManageTeams.Outcome.Invalid invalid -> throw HttpProblem.invalid("invalid_team",
                                invalid.problem());
                    };
                });
    }

    /** The team as saved, but for its Slack URL, a credential: whether one is set. */
    private static Map<String, Object> view(Team team) {
        Map<String, Object> view = new LinkedHashMap<>();
        view.put("id", team.id());
        view.put("name", team.name());
        view.put("ownerEmail", team.ownerEmail());
        view.put("members", team.members());
        view.put("snsFilter", team.snsFilter());
        view.put("language", team.language());
        view.put("slackConfigured", team.slackWebhookUrl() != null);
        return view;
    }

    /** What the owner would read: the week, the address, the subject and both parts, exactly as they would be sent. */
    private static Map<String, Object> view(String teamId, SendTeamDigests.Preview preview) {
        Map<String, Object> view = new LinkedHashMap<>();
        view.put("teamId", teamId);
        view.put("week", preview.week());
        view.put("to", preview.email().to());
        view.put("subject", preview.email().subject());
        view.put("text", preview.email().text());
        view.put("html", preview.email().html());
        return view;
    }
}
