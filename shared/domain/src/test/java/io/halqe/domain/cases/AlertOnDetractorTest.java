package io.halqe.domain.cases;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.halqe.domain.events.CaseOpened;
import io.halqe.domain.events.DomainEvent;
import io.halqe.domain.events.ResponseEnriched;
import io.halqe.domain.fakes.InMemoryCases;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class AlertOnDetractorTest {

    private static final Instant AT = Instant.parse("2026-11-23T10:00:00Z");
    private final InMemoryCases cases = new InMemoryCases();
    private final List<Mailer.Email> emails = new ArrayList<>();
    private final List<Notifier.Notification> alerts = new ArrayList<>();
    private final List<DomainEvent> events = new ArrayList<>();
    private final TeamDirectory teams = new TeamDirectory() {
        @Override
        public Optional<Team> team(String teamId) {
            return teamId.equals("support") ? Optional.of(new Team("support", "Support", "lead@example.com")) : Optional.empty();
        }

        @Override
        public void save(Team team) {
        }
    };
    private final AlertSettings settings = new AlertSettings("support", "fallback@example.com", Duration.ofHours(48),
            "https://feedback.example.com");
    private int mailFailuresLeft;
    private final AlertOnDetractor alert = new AlertOnDetractor(cases, teams, email -> {
        if (mailFailuresLeft-- > 0) {
            throw new IllegalStateException("SES throttled");
        }
        emails.add(email);
    }, alerts::add, events::addAll, cases, settings);

    private static ResponseEnriched detractor(String comment) {
        return new ResponseEnriched("1", "r1", "demo-nps", 1, AT.minusSeconds(5), "en", 2, "detractor", comment, 3,
                Map.of("nps", 2, "comment", comment), Map.of("plan", "pro"), "cust-1", false, "negative", -0.6,
                List.of("delivery"), "complaint", List.of(), null, List.of("support"), List.of());
    }

    @Test
    void handle_shouldOpenOneCaseEmailOwnerAndAlertTeam_whenDetractorArrives() {
        // GIVEN a detractor WHEN the rule handles it
        FollowUpCase opened = alert.handle(detractor("Late again"), AT);
        // THEN one open case for the team's owner, due 48 hours later
        assertThat(opened.status()).isEqualTo(CaseStatus.OPEN);
        assertThat(opened.team()).isEqualTo("support");
        assertThat(opened.owner()).isEqualTo("lead@example.com");
        assertThat(opened.dueAt()).isEqualTo(AT.plus(Duration.ofHours(48)));
        // AND the owner's email carries the comment and a link to the case
        assertThat(emails).singleElement().satisfies(email -> {
            assertThat(email.to()).containsExactly("lead@example.com");
            assertThat(email.text()).contains("Late again").contains("https://feedback.example.com/api/cases/case-r1");
            assertThat(email.html()).contains("Late again");
        });
        // AND the team's SNS alert carries filterable attributes and the comment
        assertThat(alerts).singleElement().satisfies(n -> {
            assertThat(n.attributes()).containsEntry("team", "support").containsEntry("severity", "high")
                    .containsEntry("surveyId", "demo-nps");
            assertThat(n.message()).containsEntry("comment", "Late again").containsEntry("caseId", "case-r1");
        });
        assertThat(events).singleElement().isInstanceOf(CaseOpened.class);
    }

    @Test
    void handle_shouldActOnce_whenTheEventIsDeliveredTwice() {
        // GIVEN the same event delivered twice
        alert.handle(detractor("Late"), AT);
        alert.handle(detractor("Late"), AT.plusSeconds(30));
        // THEN one case, one email, one alert, one CaseOpened
        assertThat(cases.cases).hasSize(1);
        assertThat(emails).hasSize(1);
        assertThat(alerts).hasSize(1);
        assertThat(events).hasSize(1);
    }

    @Test
    void handle_shouldSendOnRetry_whenTheFirstSendFailed() {
        // GIVEN SES fails once
        mailFailuresLeft = 1;
        assertThatThrownBy(() -> alert.handle(detractor("Late"), AT)).hasMessageContaining("SES throttled");
        // WHEN the delivery is retried
        alert.handle(detractor("Late"), AT);
        // THEN the email goes out exactly once, and the case was not duplicated
        assertThat(emails).hasSize(1);
        assertThat(cases.cases).hasSize(1);
    }

    @Test
    void handle_shouldEscapeTheComment_whenItContainsMarkup() {
        // GIVEN a comment with a script and a subject-breaking newline in the survey id
        alert.handle(detractor("<script>alert(1)</script> & \"quotes\""), AT);
        // THEN the HTML shows it as text
        String html = emails.get(0).html();
        assertThat(html).doesNotContain("<script>").contains("&lt;script&gt;alert(1)&lt;/script&gt; &amp; &quot;quotes&quot;");
        assertThat(emails.get(0).subject()).doesNotContain("\n").doesNotContain("\r");
    }

    @Test
    void handle_shouldUseDefaultOwner_whenTeamIsNotInTheDirectory() {
        AlertOnDetractor unknownTeam = new AlertOnDetractor(cases, teams, emails::add, alerts::add, events::addAll,
                cases, new AlertSettings("sales", "fallback@example.com", Duration.ofHours(24), ""));
        ResponseEnriched unrouted = new ResponseEnriched("1", "r1", "demo-nps", 1, AT, "en", 2, "detractor", "x", 1,
                Map.of("nps", 2), Map.of(), null, false, "negative", -0.5, List.of(), "complaint", List.of(), null,
                List.of(), List.of());
        FollowUpCase opened = unknownTeam.handle(unrouted, AT);
        assertThat(opened.team()).isEqualTo("sales");
        assertThat(opened.owner()).isEqualTo("fallback@example.com");
        assertThat(emails.get(0).text()).doesNotContain("Open it:");
    }

    @Test
    void handle_shouldGiveTheCaseToTheRoutedTeamAndAccountOwner_whenRoutingNamedThem() {
        ResponseEnriched routed = new ResponseEnriched("1", "r7", "demo-nps", 1, AT, "en", 1, "detractor", "x", 1,
                Map.of("nps", 1), Map.of(), "c-1", false, "negative", -0.8, List.of("billing"), "complaint", List.of(),
                null, List.of("finance", "support"), List.of("am@example.com"));
        FollowUpCase opened = alert.handle(routed, AT);
        assertThat(opened.team()).isEqualTo("finance");
        assertThat(opened.owner()).isEqualTo("am@example.com");
        assertThat(emails.get(0).to()).containsExactly("am@example.com");
    }
}
