package io.halqe.domain.alerts;

import io.halqe.domain.cases.FollowUpCase;
import io.halqe.domain.core.ChatMessage;
import io.halqe.domain.core.Team;
import io.halqe.domain.events.ResponseEnriched;
import io.halqe.domain.scoring.Metrics;
import io.halqe.domain.text.Digits;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * What a team's chat is told, in the team's language (en, fa, ar) and its digits (Persian, Arabic-Indic): an
 * immediate alert (score, comment, customer, team, a button to the case) and the weekly digest (the week's NPS per survey, open and overdue cases, top themes).
 */
final class ChatAlerts {

    private static final int COMMENT_CHARS = 1500;
    private static final Map<String, Map<String, String>> TEXTS = Map.of(
            "en", Map.ofEntries(Map.entry("alert", "Alert"), Map.entry("score", "Score"),
                    Map.entry("customer", "Customer"), Map.entry("team", "Team"), Map.entry("survey", "Survey"),
                    Map.entry("case", "Open the case"), Map.entry("noComment", "(no comment)"),
                    Map.entry("digest", "Weekly digest"), Map.entry("nps", "NPS"), Map.entry("open", "Open cases"),
                    Map.entry("overdue", "Overdue"), Map.entry("themes", "Top themes"),
                    Map.entry("noAnswers", "no answers"), Map.entry("console", "Open Halqe")),
            "fa", Map.ofEntries(Map.entry("alert", "هشدار"), Map.entry("score", "امتیاز"),
                    Map.entry("customer", "مشتری"), Map.entry("team", "تیم"), Map.entry("survey", "نظرسنجی"),
                    Map.entry("case", "باز کردن پرونده"), Map.entry("noComment", "(بدون توضیح)"),
                    Map.entry("digest", "گزارش هفتگی"), Map.entry("nps", "NPS"), Map.entry("open", "پرونده‌های باز"),
                    Map.entry("overdue", "دیرکرد"), Map.entry("themes", "موضوع‌های اصلی"),
                    Map.entry("noAnswers", "بدون پاسخ"), Map.entry("console", "باز کردن حلقه")),
            "ar", Map.ofEntries(Map.entry("alert", "تنبيه"), Map.entry("score", "التقييم"),
                    Map.entry("customer", "العميل"), Map.entry("team", "الفريق"), Map.entry("survey", "الاستبيان"),
                    Map.entry("case", "فتح الحالة"), Map.entry("noComment", "(بلا تعليق)"),
                    Map.entry("digest", "الملخص الأسبوعي"), Map.entry("nps", "NPS"), Map.entry("open", "الحالات المفتوحة"),
                    Map.entry("overdue", "متأخرة"), Map.entry("themes", "أبرز المواضيع"),
                    Map.entry("noAnswers", "لا إجابات"), Map.entry("console", "فتح حلقة")));

    private ChatAlerts() {
    }

    static ChatMessage immediate(AlertRule rule, ResponseEnriched response, Team team, FollowUpCase opened,
                                 AlertSettings settings) {
        Map<String, String> t = texts(team);
        String title = t.get("alert") + ": " + rule.name();
        List<ChatMessage.Field> fields = new ArrayList<>();
        if (response.npsScore() != null) {
            fields.add(new ChatMessage.Field(t.get("score"), digits(response.npsScore() + "/10", team)));
        }
        fields.add(new ChatMessage.Field(t.get("customer"), customer(response)));
        fields.add(new ChatMessage.Field(t.get("team"), team.name()));
        fields.add(new ChatMessage.Field(t.get("survey"), response.surveyId()));
        String comment = response.comment() == null || response.comment().isBlank() ? t.get("noComment")
                : response.comment().length() <= COMMENT_CHARS ? response.comment()
                : response.comment().substring(0, COMMENT_CHARS) + "…";
        String link = opened == null ? null : settings.caseLink(opened.id());
        String score = response.npsScore() == null ? "" : " (" + digits(response.npsScore() + "/10", team) + ")";
        return new ChatMessage(title + score, title, fields, comment, link == null ? null : new ChatMessage.Link(t.get("case"), link),
                rule.severity() + " · " + response.responseId());
    }

    /** The team's week: this week's NPS per survey, its unresolved cases (those past due among them), top themes. */
    static ChatMessage weekly(Team team, String weekKey, SendTeamDigests.TeamWeek week, Instant now,
                              AlertSettings settings) {
        Map<String, String> t = texts(team);
        String title = t.get("digest") + " · " + team.name() + " · " + digits(weekKey, team);
        List<ChatMessage.Field> fields = new ArrayList<>();
        week.weeksBySurvey().forEach((survey, series) -> {
            Double score = Metrics.nps(series[0]).score();
            fields.add(new ChatMessage.Field(t.get("nps") + " · " + survey, score == null ? t.get("noAnswers")
                    : digits(String.format(Locale.ROOT, "%+.0f (n=%d)", score, series[0].responses()), team)));
        });
        long overdue = week.unresolved().stream().filter(open -> open.dueAt() != null && open.dueAt().isBefore(now))
                .count();
        fields.add(new ChatMessage.Field(t.get("open"), digits(Integer.toString(week.unresolved().size()), team)));
        fields.add(new ChatMessage.Field(t.get("overdue"), digits(Long.toString(overdue), team)));
        List<String> themes = SendTeamDigests.topThemes(week, 3).stream().map(Map.Entry::getKey).toList();
        String console = settings.publicBaseUrl() == null || settings.publicBaseUrl().isBlank() ? null
                : settings.publicBaseUrl() + "/console/";
        return new ChatMessage(title, title, fields, null,
                console == null ? null : new ChatMessage.Link(t.get("console"), console),
                themes.isEmpty() ? null : t.get("themes") + ": " + String.join(", ", themes));
    }

    private static Map<String, String> texts(Team team) {
        return TEXTS.getOrDefault(team.chatLanguage(), TEXTS.get("en"));
    }

    /** Figures and dates as the team's language writes digits; names and ids are left as they are. */
    private static String digits(String figure, Team team) {
        return Digits.inLanguage(figure, TEXTS.containsKey(team.chatLanguage()) ? team.chatLanguage() : "en");
    }

    private static String customer(ResponseEnriched response) {
        if (response.customer() != null) {
            return response.customer().name() == null ? response.customer().id() : response.customer().name();
        }
        return response.customerId() == null ? "—" : response.customerId();
    }
}
