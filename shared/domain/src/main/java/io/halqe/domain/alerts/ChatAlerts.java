package io.halqe.domain.alerts;

import io.halqe.domain.cases.FollowUpCase;
import io.halqe.domain.core.ChatMessage;
import io.halqe.domain.core.Team;
import io.halqe.domain.events.ResponseEnriched;
import io.halqe.domain.scoring.Metrics;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * What a team's chat is told, in the team's language (en, fa, ar) and its digits (Persian, Arabic-Indic): an
 * immediate alert (score, comment, customer, team, a button to the case) and the weekly digest (the week's NPS per
 * survey, open and overdue cases, top themes).
 */
final class ChatAlerts {

    private static final int COMMENT_CHARS = 1500;
    private ChatAlerts() {
    }

    static ChatMessage immediate(AlertRule rule, ResponseEnriched response, Team team, FollowUpCase opened,
                                 AlertSettings settings) {
        TeamTexts t = TeamTexts.forTeam(team);
        String title = t.get("alert") + ": " + rule.name();
        List<ChatMessage.Field> fields = new ArrayList<>();
        if (response.npsScore() != null) {
            fields.add(new ChatMessage.Field(t.get("score"), t.figure(response.npsScore() + "/10")));
        }
        fields.add(new ChatMessage.Field(t.get("customer"), customer(response)));
        fields.add(new ChatMessage.Field(t.get("team"), team.name()));
        fields.add(new ChatMessage.Field(t.get("survey"), response.surveyId()));
        String comment = response.comment() == null || response.comment().isBlank() ? t.get("noComment")
                : response.comment().length() <= COMMENT_CHARS ? response.comment()
                : response.comment().substring(0, COMMENT_CHARS) + "…";
        String link = opened == null ? null : settings.caseLink(opened.id());
        String score = response.npsScore() == null ? "" : " (" + t.figure(response.npsScore() + "/10") + ")";
        return new ChatMessage(title + score, title, fields, comment,
                link == null ? null : new ChatMessage.Link(t.get("case"), link),
                rule.severity() + " · " + response.responseId());
    }

    /** The team's week: this week's NPS per survey, its unresolved cases (those past due among them), top themes. */
    static ChatMessage weekly(Team team, String weekKey, SendTeamDigests.TeamWeek week, Instant now,
                              AlertSettings settings) {
        TeamTexts t = TeamTexts.forTeam(team);
        String title = t.get("digest") + " · " + team.name() + " · " + t.figure(weekKey);
        List<ChatMessage.Field> fields = new ArrayList<>();
        week.weeksBySurvey().forEach((survey, series) -> {
            Double score = Metrics.nps(series[0]).score();
            fields.add(new ChatMessage.Field("NPS · " + survey, score == null ? t.get("noWeekAnswers")
                    : t.figure(String.format(Locale.ROOT, "%+.0f (n=%d)", score, series[0].responses()))));
        });
        long overdue = week.unresolved().stream().filter(open -> open.dueAt() != null && open.dueAt().isBefore(now))
                .count();
        fields.add(new ChatMessage.Field(t.get("open"), t.figure(week.unresolved().size())));
        fields.add(new ChatMessage.Field(t.get("overdue"), t.figure(overdue)));
        List<String> themes = SendTeamDigests.topThemes(week, 3).stream().map(Map.Entry::getKey).toList();
        String console = settings.publicBaseUrl() == null || settings.publicBaseUrl().isBlank() ? null
                : settings.publicBaseUrl() + "/console/";
        return new ChatMessage(title, title, fields, null,
                console == null ? null : new ChatMessage.Link(t.get("console"), console),
                themes.isEmpty() ? null : t.get("themes") + ": " + String.join(", ", themes));
    }

    private static String customer(ResponseEnriched response) {
        if (response.customer() != null) {
            return response.customer().name() == null ? response.customer().id() : response.customer().name();
        }
        return response.customerId() == null ? "—" : response.customerId();
    }
}
