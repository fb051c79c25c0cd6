package io.halqe.domain.announcements;

import io.halqe.domain.core.Problem;
import static org.assertj.core.api.Assertions.assertThat;

import io.halqe.domain.core.Mailer;
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
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class AnnounceTest {

    private static final Instant AT = Instant.parse("2026-11-24T10:00:00Z");
    private final InMemoryResponses responses = new InMemoryResponses();
    private final InMemoryCases ledger = new InMemoryCases();
    private final List<Mailer.Email> emails = new ArrayList<>();
    private final InMemorySuppressionList suppression = new InMemorySuppressionList();
    private final FakeUnsubscribeLinks links = new FakeUnsubscribeLinks();
    private final io.halqe.domain.fakes.InMemoryParkedWork parked = new io.halqe.domain.fakes.InMemoryParkedWork();
    private final Announce announce = new Announce(responses, emails::add, suppression, links, io.halqe.domain.survey.Branding.NONE, ledger, parked);

    @BeforeEach
    void feedbackAboutDeliveryAndPrice() {
        answer("r1", "sara@example.com", "fa", List.of("delivery"), "complaint", AT.minusSeconds(3600));
        answer("r2", "SARA@example.com", "fa", List.of("delivery", "price"), "complaint", AT.minusSeconds(1800));
        answer("r3", "omar@example.com", "ar", List.of("delivery"), "suggestion", AT.minusSeconds(600));
        answer("r4", "ann@example.com", "en", List.of("price"), "complaint", AT.minusSeconds(600));
        answer("r5", null, "en", List.of("delivery"), "complaint", AT.minusSeconds(600));
    }

    @Test
    void announce_shouldTellEachMatchingCustomerOnceInTheirLanguage_whenThemeMatches() {
        // WHEN
        var outcome = announce.announce(request("delivery", null, "Same-day delivery is here <b>now</b>.",
                Map.of("fa", "ارسال همان‌روز راه افتاد.")), AT);

        // THEN
        assertThat(outcome).isInstanceOfSatisfying(Announce.Outcome.Sent.class, sent -> {
            assertThat(sent.matchedResponses()).isEqualTo(4);
            assertThat(sent.customers()).isEqualTo(2);
            assertThat(sent.notified()).isEqualTo(2);
            assertThat(sent.withoutEmail()).isEqualTo(1);
        });
        assertThat(emails).extracting(email -> email.to().get(0)).containsExactlyInAnyOrder("sara@example.com", "omar@example.com");
        Mailer.Email persian = emails.stream().filter(e -> e.to().get(0).equals("sara@example.com")).findFirst().orElseThrow();
        assertThat(persian.html()).contains("dir=\"rtl\"", "ارسال همان‌روز راه افتاد.");
        assertThat(persian.headers()).containsKey("List-Unsubscribe");
        Mailer.Email arabic = emails.stream().filter(e -> e.to().get(0).equals("omar@example.com")).findFirst().orElseThrow();
        assertThat(arabic.subject()).isEqualTo("طلبتم ونفّذنا");
        assertThat(arabic.html()).contains("&lt;b&gt;now&lt;/b&gt;").doesNotContain("<b>now");
        assertThat(arabic.text()).contains("Same-day delivery is here <b>now</b>.");
    }

    @Test
    void announce_shouldSendNothingTwice_whenTheSameAnnouncementIsPostedAgain() {
        // GIVEN
        var request = request("delivery", null, "Same-day delivery is here.", null);
        announce.announce(request, AT);
        emails.clear();

        // WHEN
        var again = announce.announce(request, AT.plusSeconds(60));

        // THEN
        assertThat(emails).isEmpty();
        assertThat(again).isInstanceOfSatisfying(Announce.Outcome.Sent.class, sent -> {
            assertThat(sent.notified()).isZero();
            assertThat(sent.alreadyNotified()).isEqualTo(2);
        });
    }

    @Test
    void announce_shouldSkipSuppressedAddresses_whenACustomerUnsubscribed() {
        // GIVEN
        suppression.suppress("omar@example.com", "unsubscribed", AT);

        // WHEN
        var outcome = announce.announce(request("delivery", null, "Same-day delivery is here.", null), AT);

        // THEN
        assertThat(emails).extracting(email -> email.to().get(0)).containsExactly("sara@example.com");
        assertThat(outcome).isInstanceOfSatisfying(Announce.Outcome.Sent.class,
                sent -> assertThat(sent.suppressed()).isEqualTo(1));
    }

    @Test
    void announce_shouldNarrowByFeedbackTypeAndWindow_whenGiven() {
        // WHEN
        var outcome = announce.announce(new Announce.Request("demo-nps", "price", "complaint", AT.minusSeconds(1000), AT,
                "Prices are down.", null), AT);

        // THEN
        assertThat(emails).extracting(email -> email.to().get(0)).containsExactly("ann@example.com");
        assertThat(outcome).isInstanceOfSatisfying(Announce.Outcome.Sent.class,
                sent -> assertThat(sent.matchedResponses()).isEqualTo(1));
    }

    @Test
    void announce_shouldLetARetryReachTheCustomer_whenSendingFailed() {
        // GIVEN a mailer that fails once
        List<Mailer.Email> sent = new ArrayList<>();
        boolean[] failed = {false};
        Announce flaky = new Announce(responses, email -> {
            if (!failed[0]) {
                failed[0] = true;
                throw new IllegalStateException("SES throttled");
            }
            sent.add(email);
        }, suppression, links, io.halqe.domain.survey.Branding.NONE, ledger, parked);
        var request = request("delivery", "suggestion", "We added delivery slots.", java.util.Map.of("ar", "أضفنا مواعيد"));
        // WHEN the first attempt fails for the one customer
        var first = (Announce.Outcome.Sent) flaky.announce(request, AT);

        // THEN the announcement is parked with why, keeping all it needs to be announced again
        assertThat(first.failed()).isEqualTo(1);
        assertThat(first.notified()).isZero();
        assertThat(parked.find(first.parkedId())).get().satisfies(entry -> {
            assertThat(entry.reason()).contains("SES throttled");
            assertThat(Announce.requestOf(entry.detail())).isEqualTo(request);
        });
        // AND announcing the parked request again reaches the customer
        var again = (Announce.Outcome.Sent) flaky.announce(Announce.requestOf(parked.find(first.parkedId()).orElseThrow().detail()), AT);
        assertThat(again.notified()).isEqualTo(1);
        assertThat(again.failed()).isZero();
        assertThat(sent).extracting(email -> email.to().get(0)).containsExactly("omar@example.com");
    }

    @Test
    void audience_shouldCountWhomASendWouldReach_withoutSendingOrClaiming() {
        // GIVEN one of the customers unsubscribed
        suppression.suppress("ann@example.com", "unsubscribed", AT);
        var request = new Announce.Request("demo-nps", "price", null, null, null, null, null);

        // WHEN
        var audience = announce.audience(request, AT);

        // THEN sara (fa, twice) and ann (suppressed) matched; only sara would be told, in Persian
        assertThat(audience).isEqualTo(new Announce.AudienceOutcome.Counted(2, 2, 1, Map.of("fa", 1), 0, 1, 0));
        assertThat(emails).isEmpty();
        assertThat(ledger.claims).isEmpty();
        // AND a send of the same request reaches exactly that audience
        var sent = (Announce.Outcome.Sent) announce.announce(new Announce.Request("demo-nps", "price", null, null, null,
                "Prices are down.", null), AT);
        assertThat(sent.matchedResponses()).isEqualTo(2);
        assertThat(sent.customers()).isEqualTo(2);
        assertThat(sent.notified()).isEqualTo(1);
        assertThat(sent.suppressed()).isEqualTo(1);
    }

    @Test
    void audience_shouldCountLanguagesAndTheAlreadyNotified_whenTheSameAnnouncementWasSentBefore() {
        // GIVEN the delivery announcement reached sara and omar, and ann has since answered about delivery too
        var request = request("delivery", null, "Same-day delivery is here.", Map.of("fa", "ارسال همان‌روز راه افتاد."));
        announce.announce(request, AT);
        answer("r6", "ann@example.com", "en", List.of("delivery"), "complaint", AT.plusSeconds(60));
        emails.clear();
        int claims = ledger.claims.size();

        // WHEN
        var again = announce.audience(request, AT.plusSeconds(120));
        var unworded = announce.audience(request("delivery", null, null, null), AT.plusSeconds(120));

        // THEN only ann would hear; the words decide which announcement was sent before
        assertThat(again).isEqualTo(new Announce.AudienceOutcome.Counted(5, 3, 1, Map.of("en", 1), 1, 0, 2));
        assertThat(unworded).isEqualTo(new Announce.AudienceOutcome.Counted(5, 3, 3,
                Map.of("fa", 1, "ar", 1, "en", 1), 1, 0, 0));
        assertThat(emails).isEmpty();
        assertThat(ledger.claims).hasSize(claims);
    }

    @Test
    void audience_shouldNameTheField_whenTheRequestIsInvalid() {
        assertThat(announce.audience(request(null, null, null, null), AT))
                .isInstanceOfSatisfying(Announce.AudienceOutcome.Invalid.class,
                        invalid -> assertThat(invalid.problem().field()).isEqualTo("theme"));
        assertThat(announce.audience(new Announce.Request("demo-nps", "delivery", null, AT, AT, null, null), AT))
                .isInstanceOfSatisfying(Announce.AudienceOutcome.Invalid.class,
                        invalid -> assertThat(invalid.problem().field()).isEqualTo("from"));
        assertThat(announce.audience(request("delivery", null, null, Map.of("fa", "سلام")), AT))
                .isInstanceOfSatisfying(Announce.AudienceOutcome.Invalid.class,
                        invalid -> assertThat(invalid.problem().field()).isEqualTo("message"));
    }

    @Test
    void announce_shouldNameTheField_whenTheRequestIsInvalid() {
        assertThat(announce.announce(request(null, null, "x", null), AT))
                .isEqualTo(new Announce.Outcome.Invalid(new Problem("theme",
                        "or feedbackType is required: an announcement goes to the feedback it answers")));
        assertThat(announce.announce(request("delivery", null, " ", null), AT))
                .isInstanceOfSatisfying(Announce.Outcome.Invalid.class, invalid -> assertThat(invalid.problem().field()).isEqualTo("message"));
        assertThat(announce.announce(request("delivery", null, "x", Map.of("de", "Hallo")), AT))
                .isInstanceOfSatisfying(Announce.Outcome.Invalid.class,
                        invalid -> assertThat(invalid.problem().field()).isEqualTo("messages.de"));
        assertThat(emails).isEmpty();
    }

    private static Announce.Request request(String theme, String type, String message, Map<String, String> messages) {
        return new Announce.Request("demo-nps", theme, type, null, null, message, messages);
    }

    private void answer(String id, String email, String language, List<String> themes, String type, Instant at) {
        CustomerProfile customer = new CustomerProfile("c-" + id, "Name", email, null, null, null, null, null, null,
                language, null, Map.of(), at);
        responses.insertIfAbsent(new Response(id, "demo-nps", 1, Map.of("nps", new Answer.Score(QuestionType.NPS, 4)), language,
                at, ResponseStatus.ENRICHED, new Enrichment(4, NpsCategory.DETRACTOR, "comment", language, 1, "negative", -0.5,
                themes, type, List.of(), List.of(), customer, List.of("support"), List.of(), null, at), Map.of(), "c-" + id,
                null, false));
    }
}
