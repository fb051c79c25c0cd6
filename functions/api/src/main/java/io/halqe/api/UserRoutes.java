package io.halqe.api;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import io.halqe.aws.http.HttpProblem;
import io.halqe.aws.http.HttpResponses;
import io.halqe.aws.http.Router;
import io.halqe.domain.access.ManageUsers;
import io.halqe.domain.access.User;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The people who sign in (admins only): made with a role and teams (the pool emails them a temporary password),
 * listed, read, given another role or other teams, deleted. No password ever passes through here.
 */
record UserRoutes(ManageUsers users) implements Router.Group {

    /** {@code POST /api/users}: {@code {"username":"sara","email":"sara@…","role":"agent","teams":["support"]}}. */
    record NewUser(String username, String email, String role, List<String> teams) {
    }

    /** {@code PUT /api/users/{username}}: {@code {"role":"manager","teams":["support"]}}; one left out is unchanged. */
    record UserChange(String role, List<String> teams) {
    }

    @Override
    public void addTo(Router router) {
        router.get("/api/users", request -> {
                    // the pool's pages are at most 60 people
                    var page = users.list(Math.min(Queries.limit(request), 60), Queries.cursor(request));
                    return HttpResponses.json(200, Views.page(page.items().stream().map(UserRoutes::view).toList(),
                            page.next()));
                })
                .post("/api/users", request -> {
                    NewUser body = Queries.body(request, NewUser.class);
                    return answer(users.create(body.username(), body.email(), body.role(), body.teams()), 201);
                })
                .get("/api/users/{username}", request -> {
                    String username = request.pathParameter("username");
                    return users.find(username).map(user -> HttpResponses.json(200, view(user)))
                            .orElseGet(() -> notFound(username));
                })
                .put("/api/users/{username}", request -> {
                    UserChange body = Queries.body(request, UserChange.class);
                    return answer(users.update(request.pathParameter("username"), body.role(), body.teams()), 200);
                })
                .route("DELETE", "/api/users/{username}", request -> {
                    String username = request.pathParameter("username");
                    return users.delete(username).map(gone -> APIGatewayV2HTTPResponse.builder().withStatusCode(204)
                                    .withHeaders(Map.of("cache-control", "no-store")).build())
                            .orElseGet(() -> notFound(username));
                });
    }

    /** A change's answer: the person as saved, under {@code user}; where they are read is in {@code location}. */
    private static APIGatewayV2HTTPResponse answer(ManageUsers.Outcome outcome, int status) {
        return switch (outcome) {
            case ManageUsers.Outcome.Saved saved -> HttpResponses.withHeaders(HttpResponses.json(status,
                    Map.of("user", view(saved.user()))), Map.of("location", "/api/users/" + saved.user().username()));
            case ManageUsers.Outcome.Invalid invalid -> throw HttpProblem.invalid("invalid_user", invalid.problem());
            case ManageUsers.Outcome.Taken taken -> HttpResponses.error(409, "user_exists",
                    "there is a user " + taken.username() + " already; PUT /api/users/" + taken.username()
                            + " changes their role or teams", "username");
            case ManageUsers.Outcome.NotFound none -> notFound(none.username());
        };
    }

    private static APIGatewayV2HTTPResponse notFound(String username) {
        return HttpResponses.error(404, "user_not_found", "there is no user " + username);
    }

    static Map<String, Object> view(User user) {
        Map<String, Object> view = new LinkedHashMap<>();
        view.put("username", user.username());
        view.put("email", user.email());
        view.put("role", user.role() == null ? null : user.role().wireName());
        view.put("teams", user.teams());
        view.put("enabled", user.enabled());
        view.put("status", user.status());
        view.put("createdAt", user.createdAt() == null ? null : user.createdAt().toString());
        return view;
    }
}
