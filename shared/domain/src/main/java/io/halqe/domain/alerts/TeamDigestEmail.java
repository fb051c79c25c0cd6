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

    /**
     * {@code firstDay}: the week's first day; its days are written in the reporting calendar, the words in the team's
     * language and every figure in its digits.
     */
    static Mailer.Email of(Team team, String to, String weekKey, LocalDate firstDay, SendTeamDigests.TeamWeek week,
                           Instant now, AlertSettings settings) {
        TeamTexts t = TeamTexts.forTeam(team);
        String heading = team.name() + " — " + t.get("week") + " " + t.figure(weekKey);
        String subject = Html.singleLine("[Halqe] " + heading);
        String days = t.format("range", t.figure(settings.calendar().formatDate(firstDay)),
                t.figure(settings.calendar().formatDate(firstDay.plusDays(6))));
        StringBuilder text = new StringBuilder(heading).append(" (").append(days).append(")\n\n");
        StringBuilder html = new StringBuilder("<!doctype html><html").append(t.htmlAttributes())
                .append("><body style=\"font-family:sans-serif\">")
                .append("<h2 style=\"font-size:16px\">").append(Html.escape(heading)).append(" (")
                .append(Html.escape(days)).append(")</h2>");
        if (week.weeksBySurvey().isEmpty()) {
            String none = t.format("noTeamAnswers", t.figure(SendTeamDigests.WEEKS));
            text.append(none).append('\n');
            html.append("<p>").append(Html.escape(none)).append("</p>");
        }
        week.weeksBySurvey().forEach((surveyId, series) -> {
            Metrics.Nps current = Metrics.nps(series[0]);
            String figures = describe(current, t) + change(current, Metrics.nps(series[1]), t);
            text.append(surveyId).append(": ").append(figures).append("\n  ").append(sparkline(series)).append("  ")
                    .append(t.format("lastWeeks", t.figure(SendTeamDigests.WEEKS))).append('\n');
            html.append("<h3 style=\"font-size:14px\">").append(Html.escape(surveyId)).append("</h3><p>")
                    .append(Html.escape(figures)).append("</p>").append(bars(series, t));
        });
        List<Map.Entry<String, Long>> themes = SendTeamDigests.topThemes(week, 5);
        if (!themes.isEmpty()) {
            String listed = String.join(", ", themes.stream()
                    .map(theme -> theme.getKey() + " (" + t.figure(theme.getValue()) + ")").toList());
            text.append('\n').append(t.get("themes")).append(": ").append(listed).append('\n');
            html.append("<p><b>").append(Html.escape(t.get("themes"))).append(":</b> ").append(Html.escape(listed))
                    .append("</p>");
        }
        List<KeyDrivers.Driver> drivers = SendTeamDigests.topDrivers(week, 3);
        if (!drivers.isEmpty()) {
            text.append('\n').append(t.get("costs")).append(' ').append(t.get("costsNote")).append(":\n");
            html.append("<p><b>").append(Html.escape(t.get("costs"))).append("</b> ")
                    .append(Html.escape(t.get("costsNote"))).append(":</p><ol>");
            for (KeyDrivers.Driver driver : drivers) {
                String item = t.format("driver", driver.key(), t.figure(driver.impact()), t.figure(driver.ci95()[0]),
                        t.figure(driver.ci95()[1]), t.figure(driver.responses()), t.figure(driver.with().score()));
                text.append("- ").append(item).append('\n');
                html.append("<li>").append(Html.escape(item)).append("</li>");
            }
            html.append("</ol>");
        }
        emerging(week, t, text, html);
        List<FollowUpCase> overdue = week.unresolved().stream().filter(c -> c.dueAt().isBefore(now))
                .sorted(java.util.Comparator.comparing(FollowUpCase::dueAt)).toList();
        String counts = t.format("counts", t.figure(week.unresolved().size()), t.figure(overdue.size()));
        text.append('\n').append(counts).append('\n');
        html.append("<p><b>").append(Html.escape(counts)).append("</b></p>");
        if (!overdue.isEmpty()) {
            html.append("<ul>");
            for (FollowUpCase late : overdue.subList(0, Math.min(LISTED_CASES, overdue.size()))) {
                String link = settings.caseLink(late.id());
                String item = t.format("overdueCase", late.id(), late.reason(), late.owner(),
                        t.figure(settings.date(late.dueAt())));
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
    private static void emerging(SendTeamDigests.TeamWeek week, TeamTexts t, StringBuilder text,
                                 StringBuilder html) {
        week.emerging().forEach((surveyId, topics) -> {
            String heading = t.format("emerging", surveyId, t.figure(EmergingTopics.BASELINE_WEEKS));
            text.append('\n').append(heading).append('\n');
            html.append("<p><b>").append(Html.escape(heading)).append("</b></p><ul>");
            for (EmergingTopics.Topic topic : topics.subList(0, Math.min(LISTED_TOPICS, topics.size()))) {
                String item = t.format("topic", topic.phrase(), topic.language(), t.figure(topic.answers()),
                        t.figure(topic.share()), t.figure(topic.shareBefore()));
                text.append("- ").append(item).append('\n');
                html.append("<li>").append(Html.escape(item)).append("</li>");
            }
            html.append("</ul>");
        });
    }

    private static String describe(Metrics.Nps nps, TeamTexts t) {
        if (nps.score() == null) {
            return t.get("noNps");
        }
        return t.format("npsFigures", t.figure(nps.score()), t.figure(nps.ci95()[0]), t.figure(nps.ci95()[1]),
                t.figure(nps.n()), nps.lowSample() ? t.get("lowSample") : "");
    }

    private static String change(Metrics.Nps current, Metrics.Nps previous, TeamTexts t) {
        if (current.score() == null || previous.score() == null) {
            return "";
        }
        double delta = current.score() - previous.score();
        return t.format("change", delta >= 0 ? "+" : "", t.figure(delta), t.figure(previous.score()));
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

    private static String bars(Tally[] series, TeamTexts t) {
        StringBuilder bars = new StringBuilder("<table role=\"presentation\" style=\"border-collapse:collapse\"><tr>");
        for (int i = series.length - 1; i >= 0; i--) {
            Double score = Metrics.nps(series[i]).score();
            int height = score == null ? 2 : 4 + level(score, 37);
            String colour = score == null ? "#ddd" : score >= 30 ? "#2a7" : score >= 0 ? "#db3" : "#c33";
            bars.append("<td style=\"vertical-align:bottom;padding:0 2px;height:44px\" title=\"")
                    .append(score == null ? t.get("noWeekAnswers") : t.figure(score))
                    .append("\"><div style=\"width:14px;height:")
                    .append(height).append("px;background:").append(colour).append("\"></div></td>");
        }
        return bars.append("</tr></table>").toString();
    }

    /** NPS −100…100 onto 0…levels−1. */
    private static int level(double score, int levels) {
        return (int) Math.min(levels - 1, Math.max(0, Math.floor((score + 100) / 200 * levels)));
    }
}
