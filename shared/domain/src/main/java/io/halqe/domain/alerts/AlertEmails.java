package io.halqe.domain.alerts;

import io.halqe.domain.cases.FollowUpCase;
import io.halqe.domain.core.Mailer;
import io.halqe.domain.core.Team;
import io.halqe.domain.customers.CustomerProfile;
import io.halqe.domain.events.ResponseEnriched;
import io.halqe.domain.text.Html;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The team-facing alert emails: the answer, the customer's context, the enrichment and a link to the case; every
 * user-written value is escaped in the HTML part and kept to one line in the subject.
 */
final class AlertEmails {

    /** Digests list this many matches in full and count the rest. */
    static final int DIGEST_LISTED = 200;
    private static final int DIGEST_COMMENT_CHARS = 280;

    private AlertEmails() {
    }

    /** In the team's language and digits; the answer, the customer's fields and ids as they were written. */
    static Mailer.Email immediate(AlertRule rule, ResponseEnriched response, Team team, FollowUpCase opened,
                                  List<String> to, AlertSettings settings) {
        TeamTexts t = TeamTexts.forTeam(team);
        String score = response.npsScore() == null ? "" : " (" + t.figure(response.npsScore() + "/10") + ")";
        String subject = Html.singleLine("[Halqe] " + rule.name() + score + " " + t.get("on") + " "
                + response.surveyId() + (opened == null ? "" : " — " + t.get("caseWord") + " " + opened.id()));
        Map<String, String> facts = new LinkedHashMap<>();
        facts.put(t.get("survey"), response.surveyId() + " v" + response.surveyVersion());
        facts.put(t.get("answered"), t.figure(settings.date(response.submittedAt()))
                + (response.language() == null ? "" : " " + t.format("inLanguage", response.language())));
        if (response.npsScore() != null) {
            facts.put("NPS", t.figure(response.npsScore() + "/10") + " (" + response.npsCategory() + ")");
        }
        response.answers().forEach((question, answer) -> {
            if (!question.equals("comment")) {
                facts.put(t.get("answer") + " " + question, String.valueOf(answer));
            }
        });
        response.hidden().forEach((field, value) -> facts.put(t.get("hidden") + " " + field, value));
        customer(response.customer(), response.customerId(), t).forEach(facts::put);
        facts.put(t.get("sentiment"), response.sentiment() + " ("
                + t.decimal(String.format(Locale.ROOT, "%.2f", response.sentimentScore())) + ")");
        facts.put(t.get("themeList"), String.join(", ", response.themes() == null ? List.of() : response.themes()));
        facts.put(t.get("feedbackType"), response.feedbackType());
        if (response.keyPhrases() != null && !response.keyPhrases().isEmpty()) {
            facts.put(t.get("keyPhrases"), String.join(", ", response.keyPhrases()));
        }
        facts.put(t.get("team"), team.name());
        String link = opened == null ? null : settings.caseLink(opened.id());
        if (opened != null) {
            facts.put(t.get("caseLabel"), t.format("caseFact", opened.id(), opened.owner(),
                    t.figure(settings.date(opened.dueAt()))));
        }
        String comment = response.comment() == null || response.comment().isBlank() ? t.get("noComment")
                : response.comment();

        StringBuilder text = new StringBuilder(rule.name()).append(" — ").append(response.surveyId()).append("\n\n");
        text.append(t.get("comment")).append(":\n").append(comment).append("\n\n");
        // a fact is one line: a value with line breaks (a hidden field, a CRM attribute) cannot forge others
        facts.forEach((label, value) -> text.append(Html.singleLine(label)).append(": ").append(Html.singleLine(value))
                .append('\n'));
        if (link != null) {
            text.append('\n').append(t.get("case")).append(": ").append(link).append('\n');
        }
        StringBuilder html = new StringBuilder("<!doctype html><html").append(t.htmlAttributes())
                .append("><body style=\"font-family:sans-serif\">");
        html.append("<h2 style=\"font-size:16px\">").append(Html.escape(rule.name())).append(" — ")
                .append(Html.escape(response.surveyId())).append("</h2>");
        html.append("<blockquote dir=\"auto\" style=\"border-").append(t.start()).append(":3px solid ")
                .append(colour(rule.severity())).append(";padding-").append(t.start()).append(":8px\">")
                .append(Html.escape(comment).replace("\n", "<br>")).append("</blockquote>");
        html.append("<table style=\"border-collapse:collapse\">");
        facts.forEach((label, value) -> html.append("<tr><th style=\"text-align:").append(t.start())
                .append(";padding:2px 8px 2px 0\">").append(Html.escape(label)).append("</th><td dir=\"auto\">")
                .append(Html.escape(value)).append("</td></tr>"));
        html.append("</table>");
        if (link != null) {
            html.append("<p><a href=\"").append(Html.escape(link)).append("\">").append(Html.escape(t.get("case")))
                    .append("</a></p>");
        }
        html.append("</body></html>");
        return new Mailer.Email(to, subject, text.toString(), html.toString());
    }

    /** In the language its entries' teams read when they matched (English when they read different ones). */
    private static String language(List<DigestEntry> entries) {
        Set<String> languages = entries.stream().map(entry -> entry.language() == null ? "en" : entry.language())
                .collect(Collectors.toSet());
        return languages.size() == 1 ? languages.iterator().next() : "en";
    }

    static Mailer.Email digest(String recipient, DigestPeriod period, String periodKey, List<DigestEntry> entries,
                               AlertSettings settings) {
        TeamTexts t = TeamTexts.of(language(entries));
        String label = t.figure(period.label(periodKey, settings.calendar()));
        String count = t.figure(entries.size());
        String one = entries.size() == 1 ? "One" : "";
        String subject = Html.singleLine("[Halqe] " + switch (period) {
            case HOUR -> t.format("stormSummary" + one, label, count);
            case DAILY -> t.format("dailyDigest" + one, label, count);
            case WEEKLY -> t.format("weeklyDigest" + one, label, count);
        });
        Map<String, List<DigestEntry>> byRule = entries.stream()
                .collect(Collectors.groupingBy(DigestEntry::ruleName, LinkedHashMap::new, Collectors.toList()));
        StringBuilder text = new StringBuilder(subject.substring("[Halqe] ".length())).append("\n");
        StringBuilder html = new StringBuilder("<!doctype html><html").append(t.htmlAttributes())
                .append("><body style=\"font-family:sans-serif\">")
                .append("<h2 style=\"font-size:16px\">").append(Html.escape(subject.substring("[Halqe] ".length())))
                .append("</h2>");
        int listed = 0;
        for (var group : byRule.entrySet()) {
            String size = t.figure(group.getValue().size());
            text.append("\n").append(group.getKey()).append(" (").append(size).append(")\n");
            html.append("<h3 style=\"font-size:14px\">").append(Html.escape(group.getKey())).append(" (")
                    .append(size).append(")</h3><ul>");
            for (DigestEntry entry : group.getValue()) {
                if (listed++ >= DIGEST_LISTED) {
                    break;
                }
                List<String> details = new ArrayList<>();
                details.add(entry.surveyId());
                if (entry.npsScore() != null) {
                    details.add(t.figure(entry.npsScore() + "/10"));
                }
                if (entry.customerName() != null) {
                    details.add(entry.customerName());
                }
                if (!entry.themes().isEmpty()) {
                    details.add(String.join(", ", entry.themes()));
                }
                String comment = shorten(entry.comment());
                String link = entry.caseId() == null ? null : settings.caseLink(entry.caseId());
                text.append("- ").append(String.join(" · ", details)).append(": ").append(comment)
                        .append(link == null ? "" : " (" + link + ")").append('\n');
                html.append("<li><span style=\"color:#555\">").append(Html.escape(String.join(" · ", details)))
                        .append("</span><br><span dir=\"auto\">").append(Html.escape(comment)).append("</span>");
                if (link != null) {
                    html.append(" <a href=\"").append(Html.escape(link)).append("\">")
                            .append(Html.escape(t.get("caseWord"))).append("</a>");
                }
                html.append("</li>");
            }
            html.append("</ul>");
        }
        if (entries.size() > DIGEST_LISTED) {
            String more = t.format("digestMore", t.figure(entries.size() - DIGEST_LISTED));
            text.append(more).append('\n');
            html.append("<p>").append(Html.escape(more)).append("</p>");
        }
        html.append("</body></html>");
        return new Mailer.Email(List.of(recipient), subject, text.toString(), html.toString());
    }

    private static Map<String, String> customer(CustomerProfile customer, String customerId, TeamTexts t) {
        Map<String, String> facts = new LinkedHashMap<>();
        if (customer == null) {
            if (customerId != null) {
                facts.put(t.get("customer"), customerId + " " + t.get("notInDirectory"));
            }
            return facts;
        }
        facts.put(t.get("customer"), (customer.name() == null ? customer.id() : customer.name())
                + (customer.email() == null ? "" : " <" + customer.email() + ">"));
        put(facts, t.get("plan"), customer.plan());
        put(facts, t.get("segment"), customer.segment());
        put(facts, t.get("region"), customer.region());
        put(facts, t.get("lifetimeValue"), customer.lifetimeValue() == null ? null
                : t.decimal(String.format(Locale.ROOT, "%.2f", customer.lifetimeValue())));
        put(facts, t.get("accountOwner"), customer.accountOwner());
        return facts;
    }

    private static void put(Map<String, String> facts, String label, String value) {
        if (value != null && !value.isBlank()) {
            facts.put(label, value);
        }
    }

    private static String shorten(String comment) {
        if (comment == null || comment.isBlank()) {
            return "(no comment)";
        }
        String line = Html.singleLine(comment);
        return line.length() <= DIGEST_COMMENT_CHARS ? line : line.substring(0, DIGEST_COMMENT_CHARS) + "…";
    }

    private static String colour(String severity) {
        return switch (severity) {
            case "high" -> "#c33";
            case "medium" -> "#d80";
            default -> "#888";
        };
    }
}
