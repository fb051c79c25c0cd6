package io.halqe.domain.alerts;

import io.halqe.domain.cases.FollowUpCase;
import io.halqe.domain.core.Mailer;
import io.halqe.domain.core.Team;
import io.halqe.domain.scoring.EmergingTopics;
import io.halqe.domain.scoring.KeyDrivers;
import io.halqe.domain.scoring.Metrics;
import io.halqe.domain.scoring.Tally;
import io.halqe.domain.text.Html;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

/**
 * A team's weekly digest as text and HTML. The chart is eight weeks of NPS: block characters in the text part, a row
 * of table-cell bars in the HTML part (email clients drop scripts and most SVG, but render tables).
 */
final class TeamDigestEmail {

    private static final String BLOCKS = "▁▂▃▄▅▆▇█";
    private static final int LISTED_CASES = 10;
    private static final int LISTED_TOPICS = 5;

    private TeamDigestEmail() {
    }

    /** {@code firstDay}: the week's first day; its days are written in the reporting calendar. */
    static Mailer.Email of(Team team, String to, String weekKey, LocalDate firstDay, SendTeamDigests.TeamWeek week,
                           Instant now, AlertSettings settings) {
        String subject = Html.singleLine("[Halqe] " + team.name() + " — week " + weekKey);
        String days = settings.calendar().formatDate(firstDay) + " to " + settings.calendar().formatDate(firstDay.plusDays(6));
        StringBuilder text = new StringBuilder(team.name()).append(" — week ").append(weekKey).append(" (")
                .append(days).append(")\n\n");
        StringBuilder html = new StringBuilder("<!doctype html><html><body style=\"font-family:sans-serif\">")
                .append("<h2 style=\"font-size:16px\">").append(Html.escape(team.name())).append(" — week ")
                .append(Html.escape(weekKey)).append(" (").append(Html.escape(days)).append(")</h2>");
        if (week.weeksBySurvey().isEmpty()) {
            text.append("No answers routed to the team in the last ").append(SendTeamDigests.WEEKS).append(" weeks.\n");
            html.append("<p>No answers routed to the team in the last ").append(SendTeamDigests.WEEKS).append(" weeks.</p>");
        }
        week.weeksBySurvey().forEach((surveyId, series) -> {
            Metrics.Nps current = Metrics.nps(series[0]);
            Metrics.Nps previous = Metrics.nps(series[1]);
            String line = surveyId + ": " + describe(current) + change(current, previous);
            text.append(line).append("\n  ").append(sparkline(series)).append("  (last ")
                    .append(SendTeamDigests.WEEKS).append(" weeks, oldest first)\n");
            html.append("<h3 style=\"font-size:14px\">").append(Html.escape(surveyId)).append("</h3><p>")
                    .append(Html.escape(describe(current) + change(current, previous))).append("</p>")
                    .append(bars(series));
        });
        List<Map.Entry<String, Long>> themes = SendTeamDigests.topThemes(week, 5);
        if (!themes.isEmpty()) {
            String listed = String.join(", ", themes.stream().map(t -> t.getKey() + " (" + t.getValue() + ")").toList());
            text.append("\nTop themes: ").append(listed).append('\n');
            html.append("<p><b>Top themes:</b> ").append(Html.escape(listed)).append("</p>");
        }
        List<KeyDrivers.Driver> drivers = SendTeamDigests.topDrivers(week, 3);
        if (!drivers.isEmpty()) {
            text.append("\nWhat costs the most (NPS points gained if these answers scored like the rest):\n");
            html.append("<p><b>What costs the most</b> (NPS points gained if these answers scored like the rest):</p><ol>");
            for (KeyDrivers.Driver driver : drivers) {
                String item = "%s: +%s points (95%% CI %s to %s), %d answers, NPS %s".formatted(driver.key(),
                        number(driver.impact()), number(driver.ci95()[0]), number(driver.ci95()[1]), driver.responses(),
                        number(driver.with().score()));
                text.append("- ").append(item).append('\n');
                html.append("<li>").append(Html.escape(item)).append("</li>");
            }
            html.append("</ol>");
        }
        emerging(week, text, html);
        List<FollowUpCase> overdue = week.unresolved().stream().filter(c -> c.dueAt().isBefore(now))
                .sorted(java.util.Comparator.comparing(FollowUpCase::dueAt)).toList();
        String counts = "Open cases: " + week.unresolved().size() + ", overdue: " + overdue.size();
        text.append('\n').append(counts).append('\n');
        html.append("<p><b>").append(Html.escape(counts)).append("</b></p>");
        if (!overdue.isEmpty()) {
            html.append("<ul>");
            for (FollowUpCase late : overdue.subList(0, Math.min(LISTED_CASES, overdue.size()))) {
                String link = settings.caseLink(late.id());
                String item = late.id() + " (" + late.reason() + "), owner " + late.owner() + ", due "
                        + settings.date(late.dueAt());
                text.append("- ").append(item).append(link == null ? "" : " " + link).append('\n');
                html.append("<li>").append(link == null ? Html.escape(item)
                        : "<a href=\"" + Html.escape(link) + "\">" + Html.escape(item) + "</a>").append("</li>");
            }
            html.append("</ul>");
        }
        html.append("</body></html>");
        return new Mailer.Email(List.of(to), subject, text.toString(), html.toString());
    }

    /** Per survey, the phrases that rose this week (at most {@link #LISTED_TOPICS}), the steepest rise first. */
    private static void emerging(SendTeamDigests.TeamWeek week, StringBuilder text, StringBuilder html) {
        week.emerging().forEach((surveyId, topics) -> {
            String heading = "New this week in " + surveyId + " (phrases no theme covers, rising against the "
                    + EmergingTopics.BASELINE_WEEKS + " weeks before):";
            text.append('\n').append(heading).append('\n');
            html.append("<p><b>").append(Html.escape(heading)).append("</b></p><ul>");
            for (EmergingTopics.Topic topic : topics.subList(0, Math.min(LISTED_TOPICS, topics.size()))) {
                String item = "\"%s\" (%s): %d answers, %s%% (before: %s%%)".formatted(topic.phrase(),
                        topic.language(), topic.answers(), number(topic.share()), number(topic.shareBefore()));
                text.append("- ").append(item).append('\n');
                html.append("<li>").append(Html.escape(item)).append("</li>");
            }
            html.append("</ul>");
        });
    }

    private static String describe(Metrics.Nps nps) {
        if (nps.score() == null) {
            return "no NPS answers this week";
        }
        return "NPS %s (95%% CI %s to %s, n=%d%s)".formatted(number(nps.score()), number(nps.ci95()[0]),
                number(nps.ci95()[1]), nps.n(), nps.lowSample() ? ", low sample" : "");
    }

    private static String change(Metrics.Nps current, Metrics.Nps previous) {
        if (current.score() == null || previous.score() == null) {
            return "";
        }
        double delta = current.score() - previous.score();
        return "; %s%s since last week (%s)".formatted(delta >= 0 ? "+" : "", number(delta), number(previous.score()));
    }

    private static String number(double value) {
        return value == Math.rint(value) ? Long.toString((long) value) : "%.1f".formatted(value);
    }

    /** Oldest week first; a dot where the week had no NPS answers. */
    static String sparkline(Tally[] series) {
        StringBuilder line = new StringBuilder();
        for (int i = series.length - 1; i >= 0; i--) {
            Double score = Metrics.nps(series[i]).score();
            line.append(score == null ? '·' : BLOCKS.charAt(level(score, BLOCKS.length())));
        }
        return line.toString();
    }

    private static String bars(Tally[] series) {
        StringBuilder bars = new StringBuilder("<table role=\"presentation\" style=\"border-collapse:collapse\"><tr>");
        for (int i = series.length - 1; i >= 0; i--) {
            Double score = Metrics.nps(series[i]).score();
            int height = score == null ? 2 : 4 + level(score, 37);
            String colour = score == null ? "#ddd" : score >= 30 ? "#2a7" : score >= 0 ? "#db3" : "#c33";
            bars.append("<td style=\"vertical-align:bottom;padding:0 2px;height:44px\" title=\"")
                    .append(score == null ? "no answers" : number(score)).append("\"><div style=\"width:14px;height:")
                    .append(height).append("px;background:").append(colour).append("\"></div></td>");
        }
        return bars.append("</tr></table>").toString();
    }

    /** NPS −100…100 onto 0…levels−1. */
    private static int level(double score, int levels) {
        return (int) Math.min(levels - 1, Math.max(0, Math.floor((score + 100) / 200 * levels)));
    }
}
