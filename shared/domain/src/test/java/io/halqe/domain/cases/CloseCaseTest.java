package io.halqe.domain.cases;

import io.halqe.domain.core.Mailer;

import static org.assertj.core.api.Assertions.assertThat;

import io.halqe.domain.customers.CustomerProfile;
import io.halqe.domain.response.Enrichment;
import io.halqe.domain.response.NpsCategory;
import io.halqe.domain.fakes.FakeUnsubscribeLinks;
import io.halqe.domain.fakes.InMemorySuppressionList;
import io.halqe.domain.fakes.InMemoryCases;
import io.halqe.domain.fakes.InMemoryResponses;
import io.halqe.domain.response.Answer;
import io.halqe.domain.response.Response;
import io.halqe.domain.response.ResponseStatus;
import io.halqe.domain.survey.QuestionType;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class CloseCaseTest {

    private static final Instant AT = Instant.parse("2026-11-24T10:00:00Z");
    private final InMemoryCases cases = new InMemoryCases();
    private final InMemoryResponses responses = new InMemoryResponses();
    private final List<Mailer.Email> emails = new ArrayList<>();
    private final InMemorySuppressionList suppression = new InMemorySuppressionList();
    private final FakeUnsubscribeLinks links = new FakeUnsubscribeLinks();
    private final io.halqe.domain.fakes.InMemoryOutreach outreach = new io.halqe.domain.fakes.InMemoryOutreach();
    private final io.halqe.domain.fakes.InMemoryDirectory directory = new io.halqe.domain.fakes.InMemoryDirectory();
    /** What the use case counted: each metric and its count. */
    private final Map<io.halqe.domain.core.Metric, Long> counted = new java.util.EnumMap<>(io.halqe.domain.core.Metric.class);
    private final CloseCase close = new CloseCase(cases, new io.halqe.domain.enrichment.Respondents(responses, directory),
            emails::add, suppression, links, io.halqe.domain.survey.Branding.NONE, cases, outreach,
            () -> io.halqe.domain.outreach.ContactPolicy.DEFAULTS, (metric, n) -> counted.merge(metric, n, Long::sum));

    @BeforeEach
    void aDetractorsCase() {
        CustomerProfile customer = new CustomerProfile("c-1", "Sara", "sara@example.com", null, null, null, null, null, null,
                "fa", null, Map.of(), AT);
        responses.insertIfAbsent(new Response("r1", "demo-nps", 1, Map.of("nps", new Answer.Score(QuestionType.NPS, 2)), "fa",
                AT, ResponseStatus.ENRICHED, new Enrichment(2, NpsCategory.DETRACTOR, null, "fa", 0, "negative", -0.5,
                List.of(), null, List.of(), List.of(), customer, List.of("support"), List.of(), null, AT), Map.of(), "c-1",
                null, false));
        cases.openIfAbsent(new FollowUpCase("case-r1", "r1", "demo-nps", CaseStatus.OPEN, "support", "o@example.com",
                "Detractor (2/10)", 2, null, "fa", AT, AT.plus(Duration.ofHours(48))));
    }

    @Test
    void close_shouldCloseAndTellTheCustomerInTheirLanguage_withAnUnsubscribeLinkAndHeader() {
        var outcome = close.close("case-r1", new CloseCase.Request("Refunded the delivery fee", true,
                "We refunded your delivery fee <b>and</b> changed courier."), AT);
        assertThat(outcome).isInstanceOfSatisfying(CloseCase.Outcome.Closed.class, closed -> {
            assertThat(closed.followUpCase().status()).isEqualTo(CaseStatus.CLOSED);
            assertThat(closed.customerNotified()).isTrue();
        });
        assertThat(cases.resolutions).containsEntry("case-r1", "Refunded the delivery fee");
        assertThat(emails).singleElement().satisfies(email -> {
            assertThat(email.to()).containsExactly("sara@example.com");
            assertThat(email.html()).contains("dir=\"rtl\"").contains("&lt;b&gt;and&lt;/b&gt;").contains("https://f.example.com/u/");
            assertThat(email.text()).contains("We refunded your delivery fee <b>and</b> changed courier.");
            assertThat(email.headers()).containsKey("List-Unsubscribe").containsEntry("List-Unsubscribe-Post",
                    "List-Unsubscribe=One-Click");
        });
    }

    @Test
    void close_shouldReSurveyTheCustomerAfterSevenDays_once_evenWhenRepeated() {
        // WHEN the case is closed (without a message), twice
        var first = (CloseCase.Outcome.Closed) close.close("case-r1", new CloseCase.Request("done", false, null), AT);
        close.close("case-r1", new CloseCase.Request("done", false, null), AT.plus(Duration.ofDays(1)));
        // THEN one case closed is counted: the second close found it closed
        assertThat(counted).containsExactly(Map.entry(io.halqe.domain.core.Metric.CASES_CLOSED, 1L));
        // AND one re-survey of the customer is due seven days after the first close, exempt from the cap
        assertThat(first.resurveyAt()).isEqualTo(AT.plus(Duration.ofDays(7)));
        assertThat(outreach.items).hasSize(1);
        var resurvey = outreach.find("resurvey-case-r1").orElseThrow().outreach();
        assertThat(resurvey.kind()).isEqualTo(io.halqe.domain.outreach.Outreach.Kind.RESURVEY);
        assertThat(resurvey.caseId()).isEqualTo("case-r1");
        assertThat(resurvey.customer().email()).isEqualTo("sara@example.com");
        assertThat(resurvey.customer().locale()).isEqualTo("fa");
        assertThat(resurvey.dueAt()).isEqualTo(AT.plus(Duration.ofDays(7)));
    }

    @Test
    void close_shouldCountTheCaseClosedOnce_whenTellingTheCustomerFailsAndTheCloseIsRetried() {
        // GIVEN a mailer that refuses the customer's email
        CloseCase refused = new CloseCase(cases, new io.halqe.domain.enrichment.Respondents(responses, directory),
                email -> {
                    throw new IllegalStateException("SES refused");
                }, suppression, links, io.halqe.domain.survey.Branding.NONE, cases, outreach,
                () -> io.halqe.domain.outreach.ContactPolicy.DEFAULTS, (metric, n) -> counted.merge(metric, n, Long::sum));
        // WHEN the case is closed telling the customer, which fails, and the close is retried
        var request = new CloseCase.Request("done", true, "Fixed.");
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> refused.close("case-r1", request, AT))
                .hasMessageContaining("SES refused");
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> refused.close("case-r1", request, AT.plusSeconds(5)))
                .hasMessageContaining("SES refused");
        // THEN the case is closed, and counted as closed once (when it closed), the failed emails not at all
        assertThat(cases.find("case-r1").orElseThrow().status()).isEqualTo(CaseStatus.CLOSED);
        assertThat(counted).containsExactly(Map.entry(io.halqe.domain.core.Metric.CASES_CLOSED, 1L));
        assertThat(emails).isEmpty();
    }

    @Test
    void close_shouldEmailOnce_whenRepeated_andNeverAnUnsubscribedCustomer() {
        close.close("case-r1", new CloseCase.Request("done", true, "Fixed."), AT);
        close.close("case-r1", new CloseCase.Request("done", true, "Fixed."), AT.plusSeconds(5));
        assertThat(emails).hasSize(1);
        suppression.suppress("sara@example.com", "unsubscribed", AT);
        cases.openIfAbsent(new FollowUpCase("case-r2", "r1", "demo-nps", CaseStatus.OPEN, "support", "o@example.com", "x", 2,
                null, "fa", AT, AT));
        var outcome = (CloseCase.Outcome.Closed) close.close("case-r2", new CloseCase.Request("done", true, "Fixed."), AT);
        assertThat(outcome.customerNotified()).isFalse();
        assertThat(outcome.notNotifiedBecause()).isEqualTo("the customer unsubscribed");
        assertThat(emails).hasSize(1);
    }

    @Test
    void preview_shouldBeTheEmailClosingWouldSend_inTheCustomersLanguage_withoutChangingOrSendingAnything() {
        // WHEN the agent previews a message to the Persian customer
        var outcome = close.preview("case-r1", "هزینه‌ی ارسال را برگرداندیم <b>و</b> پیک را عوض کردیم.");
        // THEN it is the follow-up email in Persian, right to left, escaped, to her address, and it would go
        assertThat(outcome).isInstanceOfSatisfying(CloseCase.PreviewOutcome.Previewed.class, previewed -> {
            assertThat(previewed.to()).isEqualTo("sara@example.com");
            assertThat(previewed.language()).isEqualTo("fa");
            assertThat(previewed.notSentBecause()).isNull();
            assertThat(previewed.email().subject()).isEqualTo("پیگیری بازخورد شما");
            assertThat(previewed.email().html()).contains("dir=\"rtl\"", "&lt;b&gt;و&lt;/b&gt;").doesNotContain("/u/");
            assertThat(previewed.email().text()).contains("پیک را عوض کردیم");
        });
        // AND the case is still open, nothing was sent, no re-survey was scheduled
        assertThat(cases.cases.get("case-r1").status()).isEqualTo(CaseStatus.OPEN);
        assertThat(emails).isEmpty();
        assertThat(outreach.items).isEmpty();
        // AND for an unsubscribed customer it says the email would not go; an empty message or unknown case is refused
        suppression.suppress("sara@example.com", "unsubscribed", AT);
        assertThat(close.preview("case-r1", "Fixed.")).isInstanceOfSatisfying(CloseCase.PreviewOutcome.Previewed.class,
                previewed -> assertThat(previewed.notSentBecause()).isEqualTo("the customer unsubscribed"));
        assertThat(close.preview("case-r1", " ")).isInstanceOf(CloseCase.PreviewOutcome.Invalid.class);
        assertThat(close.preview("nope", "Fixed.")).isEqualTo(new CloseCase.PreviewOutcome.NotFound("nope"));
    }

    @Test
    void close_shouldNameTheField_whenTheRequestIsIncomplete_andReportUnknownCases() {
        assertThat(close.close("case-r1", new CloseCase.Request(" ", false, null), AT))
                .isInstanceOfSatisfying(CloseCase.Outcome.Invalid.class, i -> assertThat(i.problem().field()).isEqualTo("resolution"));
        assertThat(close.close("case-r1", new CloseCase.Request("done", true, ""), AT))
                .isInstanceOfSatisfying(CloseCase.Outcome.Invalid.class, i -> assertThat(i.problem().field()).isEqualTo("customerMessage"));
        assertThat(close.close("nope", new CloseCase.Request("done", false, null), AT)).isEqualTo(new CloseCase.Outcome.NotFound("nope"));
        assertThat(cases.cases.get("case-r1").status()).isEqualTo(CaseStatus.OPEN);
    }

    @Test
    void close_shouldTellTheCustomer_whenOnlyTheDirectoryKnowsTheirAddress() {
        // GIVEN an answer whose snapshot had no address (the customer was never imported), and the directory that
        // learnt the address from the invitation
        CustomerProfile anonymousSnapshot = new CustomerProfile("c-2", null, null, null, null, null, null, null, null,
                null, null, Map.of(), null);
        responses.insertIfAbsent(new Response("r2", "demo-nps", 1, Map.of("nps", new Answer.Score(QuestionType.NPS, 1)), "fa",
                AT, ResponseStatus.ENRICHED, new Enrichment(1, NpsCategory.DETRACTOR, null, "fa", 0, "negative", -0.5,
                List.of(), null, List.of(), List.of(), anonymousSnapshot, List.of("support"), List.of(), null, AT), Map.of(),
                "c-2", null, false));
        cases.openIfAbsent(new FollowUpCase("case-r2", "r2", "demo-nps", CaseStatus.OPEN, "support", "o@example.com",
                "Detractor (1/10)", 1, null, "fa", AT, AT.plus(Duration.ofHours(48))));
        directory.fillIn(CustomerProfile.known(new io.halqe.domain.core.Customer("c-2", "neda@example.com", null, null,
                "fa"), null));
        // WHEN the case is closed with a message
        var outcome = (CloseCase.Outcome.Closed) close.close("case-r2", new CloseCase.Request("Fixed", true, "We fixed it."), AT);
        // THEN the customer is told, in Persian, and re-surveyed
        assertThat(outcome.customerNotified()).isTrue();
        assertThat(outcome.resurveyAt()).isEqualTo(AT.plus(Duration.ofDays(7)));
        assertThat(emails).singleElement().satisfies(email -> {
            assertThat(email.to()).containsExactly("neda@example.com");
            assertThat(email.html()).contains("dir=\"rtl\"");
        });
    }
}
