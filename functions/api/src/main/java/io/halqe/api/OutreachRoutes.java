package io.halqe.api;

import static io.halqe.api.Queries.body;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import io.halqe.aws.http.HttpProblem;
import io.halqe.aws.http.HttpRequest;
import io.halqe.aws.http.HttpResponses;
import io.halqe.aws.http.Router;
import io.halqe.domain.announcements.Announce;
import io.halqe.domain.links.CreateInvitation;
import io.halqe.domain.outreach.CheckContact;
import io.halqe.domain.outreach.ContactDecision;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Reaching customers: signed invitations, "you asked, we did" announcements (and their audience, counted before one is
 * sent), and the contact policy's dry run.
 */
record OutreachRoutes(CreateInvitation invitations, Announce announce, CheckContact checkContact) implements Router.Group {

    @Override
    public void addTo(Router router) {
        router.post("/api/invitations", this::invite)
                .post("/api/announcements", request ->
                        switch (announce.announce(body(request, Announce.Request.class), request.receivedAt())) {
                            case Announce.Outcome.Sent sent -> HttpResponses.json(200, sent);
                            case Announce.Outcome.Invalid invalid ->
                                    throw HttpProblem.invalid("invalid_announcement", invalid.problem());
                        })
                .post("/api/announcements/audience", request ->
                        switch (announce.audience(body(request, Announce.Request.class), request.receivedAt())) {
                            case Announce.AudienceOutcome.Counted counted -> HttpResponses.json(200, counted);
                            case Announce.AudienceOutcome.Invalid invalid ->
                                    throw HttpProblem.invalid("invalid_announcement", invalid.problem());
                        })
                .post("/api/outreach/dry-run", this::dryRun);
    }

    private APIGatewayV2HTTPResponse invite(HttpRequest request) {
        return switch (invitations.create(body(request, CreateInvitation.Request.class), request.receivedAt())) {
            case CreateInvitation.Outcome.Created created -> {
                Map<String, Object> view = new LinkedHashMap<>();
                view.put("invitationId", created.invitation().id());
                view.put("url", created.url());
                view.put("token", created.token());
                view.put("channel", created.invitation().channel());
                view.put("expiresAt", created.invitation().expiresAt().toString());
                view.put("delivered", created.delivered());
                if (created.smsSegments() != null) {
                    view.put("smsSegments", created.smsSegments());
                }
                if (!created.delivered() && created.reason() != null) {
                    view.put("reason", created.reason());
                    view.put("nextAllowedAt", created.nextAllowedAt() == null ? null : created.nextAllowedAt().toString());
                    view.put("deferredUntil", created.deferredUntil() == null ? null : created.deferredUntil().toString());
                }
                yield HttpResponses.json(201, view);
            }
            case CreateInvitation.Outcome.Invalid invalid -> throw HttpProblem.invalid("invalid_invitation", invalid.problem());
            case CreateInvitation.Outcome.SurveyNotFound notFound -> HttpResponses.error(404, "survey_not_found",
                    "there is no survey " + notFound.surveyId());
        };
    }

    private APIGatewayV2HTTPResponse dryRun(HttpRequest request) {
        return switch (checkContact.check(body(request, CheckContact.Request.class), request.receivedAt())) {
            case CheckContact.Outcome.Checked checked -> {
                Map<String, Object> view = new LinkedHashMap<>();
                switch (checked.decision()) {
                    case ContactDecision.Contact contact -> view.put("wouldContact", true);
                    case ContactDecision.Defer defer -> {
                        view.put("wouldContact", false);
                        view.put("reason", "quiet_hours");
                        view.put("deferredUntil", defer.until().toString());
                    }
                    case ContactDecision.Skip skip -> {
                        view.put("wouldContact", false);
                        view.put("reason", skip.reason());
                        view.put("detail", skip.detail());
                    }
                }
                view.put("lastContactAt", checked.lastContact() == null ? null : checked.lastContact().toString());
                yield HttpResponses.json(200, view);
            }
            case CheckContact.Outcome.Invalid invalid -> throw HttpProblem.invalid("invalid_dry_run", invalid.problem());
        };
    }
}
