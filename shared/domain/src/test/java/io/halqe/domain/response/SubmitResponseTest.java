package io.halqe.domain.response;

import io.halqe.domain.core.Problem;
import static org.assertj.core.api.Assertions.assertThat;

import io.halqe.domain.fakes.FakeLinks;
import io.halqe.domain.fakes.InMemoryResponses;
import io.halqe.domain.fakes.InMemorySurveys;
import io.halqe.domain.core.Customer;
import io.halqe.domain.links.Invitation;
import io.halqe.domain.survey.DemoSurveys;
import io.halqe.domain.survey.QuestionType;
import io.halqe.domain.survey.Survey;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class SubmitResponseTest {

    private static final Instant NOW = Instant.parse("2026-11-23T10:00:00Z");
    private final InMemoryResponses responses = new InMemoryResponses();
    private final InMemorySurveys surveys = new InMemorySurveys(DemoSurveys.demoNps());
    private final io.halqe.domain.links.InvitationLinks links = new io.halqe.domain.links.InvitationLinks(new FakeLinks(),
            new io.halqe.domain.fakes.InMemoryInvitations());
    private final SubmitResponse submit = new SubmitResponse(surveys, responses, links);

    private SubmissionResult submit(Map<String, Object> answers, String key) {
        return submit.submit(new SubmissionRequest("demo-nps", answers, "fa", key, null, Map.of(), false, NOW));
    }

    private SubmissionResult submitWithLink(Map<String, Object> answers, String token, Map<String, String> hidden) {
        return submit.submit(new SubmissionRequest("demo-nps", answers, null, null, token, hidden, false, NOW));
    }

    private String invitation(Map<String, String> hidden, Instant expiresAt) {
        return links.issue(new Invitation("inv-1", "demo-nps", new Customer("cust-7", "a@example.com", null, "Ali", "fa-IR"),
                hidden, "link", expiresAt), NOW);
    }

    private Response stored(SubmissionResult result) {
        return responses.stored.get(((SubmissionResult.Accepted) result).responseId());
    }

    @Test
    void submit_shouldStoreTypedAnswers_whenAnswersAreValid() {
        // GIVEN a detractor with a comment WHEN it is submitted
        var result = submit(Map.of("nps", 2, "comment", "  Late delivery  "), null);
        // THEN it is accepted and stored as received, with the NPS typed and the comment trimmed
        Response stored = stored(result);
        assertThat(stored.answers()).containsEntry("nps", new Answer.Score(QuestionType.NPS, 2))
                .containsEntry("comment", new Answer.Text("Late delivery"));
        assertThat(stored.status()).isEqualTo(ResponseStatus.RECEIVED);
        assertThat(stored.language()).isEqualTo("fa");
        assertThat(stored.submittedAt()).isEqualTo(NOW);
    }

    @Test
    void formAnswers_shouldReadPersianAndArabicIndicDigits_whenAScoreIsPostedAsText() {
        // GIVEN a form post's fields (all text) WHEN they are read as answers THEN scores in any digits are numbers
        var survey = DemoSurveys.demoNps();
        assertThat(stored(submit(SubmitResponse.fromForm(survey, Map.of("nps", "۷")), null)).answers().get("nps"))
                .isEqualTo(new Answer.Score(QuestionType.NPS, 7));
        assertThat(stored(submit(SubmitResponse.fromForm(survey, Map.of("nps", " ٣ ", "comment", "12")), null)).answers())
                .containsEntry("nps", new Answer.Score(QuestionType.NPS, 3)).containsEntry("comment", new Answer.Text("12"));
    }

    @Test
    void submit_shouldRefuseAScoreThatIsNotAJsonIntegerInRange_evenWhenItLooksLikeOne() {
        // a long past the int range is not wrapped into range (4294967303 would be 7); "7", 7.0 and 7e0 are not 7
        for (Object score : List.<Object>of(4_294_967_303L, "7", 7.0, 7.0e0, new java.math.BigInteger("99999999999999999999"))) {
            assertThat(submit(Map.of("nps", score), null)).as("%s (%s)", score, score.getClass().getSimpleName())
                    .isEqualTo(new SubmissionResult.Invalid(new Problem("answers.nps", "must be a whole number from 0 to 10")));
        }
        assertThat(responses.stored).isEmpty();
    }

    @Test
    void submit_shouldNormalizeComments_whenPersianIsTypedWithArabicLettersAndControlCharacters() {
        // GIVEN a Persian comment typed with Arabic yeh/kaf, a decomposed é and control characters
        var result = submit(Map.of("nps", 5, "comment", "كيفيت خيلي بد\u0000 بود\r\ncafe\u0301\u0007"), null);
        // THEN Persian letters, NFC, \n line breaks and no control characters are stored
        assertThat(stored(result).answers().get("comment")).isEqualTo(new Answer.Text("کیفیت خیلی بد بود\ncafé"));
    }

    @Test
    void submit_shouldNameTheFieldAndStoreNothing_whenAnyAnswerIsMalformed() {
        assertThat(submit(Map.of("nps", 11), null))
                .isEqualTo(new SubmissionResult.Invalid(new Problem("answers.nps", "must be a whole number from 0 to 10")));
        assertThat(submit(Map.of("nps", -1), null)).isInstanceOf(SubmissionResult.Invalid.class);
        assertThat(submit(Map.of("nps", "nine"), null)).isInstanceOf(SubmissionResult.Invalid.class);
        assertThat(submit(Map.of("nps", 7.5), null)).isInstanceOf(SubmissionResult.Invalid.class);
        assertThat(submit(Map.of("nps", 5, "colour", "red"), null))
                .isEqualTo(new SubmissionResult.Invalid(new Problem("answers.colour", "is not a question of survey demo-nps")));
        assertThat(submit(Map.of("comment", "hi"), null)).isEqualTo(new SubmissionResult.Invalid(new Problem("answers.nps", "is required")));
        assertThat(submit(Map.of("nps", 7, "comment", List.of("x")), null))
                .isEqualTo(new SubmissionResult.Invalid(new Problem("answers.comment", "must be text")));
        assertThat(submit(Map.of("nps", 7, "comment", "x".repeat(5001)), null))
                .isEqualTo(new SubmissionResult.Invalid(new Problem("answers.comment", "must be at most 5000 characters")));
        assertThat(submit(Map.of(), null)).isEqualTo(new SubmissionResult.Invalid(new Problem("answers", "at least one answer is required")));
        assertThat(submit(Map.of("nps", 5), "bad key with spaces"))
                .isEqualTo(new SubmissionResult.Invalid(new Problem("Idempotency-Key", "must be 1-255 visible ASCII characters")));
        assertThat(responses.stored).isEmpty();
    }

    @Test
    void lateCompletion_shouldReplaceTheFinalisedPartialAnswer_datedAsThePartialWas() {
        // GIVEN a score saved as partial, finalised after the respondent left, and enriched (so scored)
        var partial = (SubmissionResult.Accepted) submit.submit(new SubmissionRequest("demo-nps", Map.of("nps", 3), "fa",
                "late-1", null, Map.of(), true, NOW));
        Response draft = responses.stored.get(partial.responseId());
        responses.finalizeDraft(draft);
        responses.stored.put(draft.id(), responses.stored.get(draft.id()).enriched(null));
        // WHEN the respondent sends the whole answer an hour later, under the same key
        var late = submit.submit(new SubmissionRequest("demo-nps", Map.of("nps", 4, "comment", "Still waiting"), "fa",
                "late-1", null, Map.of(), false, NOW.plus(java.time.Duration.ofHours(1))));
        // THEN the complete answer replaces the partial one, in the pipeline again, dated when the partial was
        assertThat(late).isEqualTo(new SubmissionResult.Accepted(partial.responseId(), false));
        Response completed = responses.stored.get(partial.responseId());
        assertThat(completed.partial()).isFalse();
        assertThat(completed.status()).isEqualTo(ResponseStatus.RECEIVED);
        assertThat(completed.submittedAt()).isEqualTo(NOW);
        assertThat(completed.answers()).containsEntry("nps", new Answer.Score(QuestionType.NPS, 4))
                .containsEntry("comment", new Answer.Text("Still waiting"));
        assertThat(responses.replaced.get(partial.responseId()).answers()).containsOnlyKeys("nps");
        // AND sending it again is a replay, and a different complete answer is refused: it is no longer partial
        assertThat(submit.submit(new SubmissionRequest("demo-nps", Map.of("nps", 9), "fa", "late-1", null, Map.of(),
                false, NOW.plus(java.time.Duration.ofHours(2))))).isInstanceOf(SubmissionResult.KeyReused.class);
    }

    @Test
    void lateCompletion_shouldAskToRetry_whileTheFinalisedPartialIsStillBeingProcessed() {
        // GIVEN a partial answer finalised a moment ago, not yet enriched
        var partial = (SubmissionResult.Accepted) submit.submit(new SubmissionRequest("demo-nps", Map.of("nps", 3), "fa",
                "late-2", null, Map.of(), true, NOW));
        responses.finalizeDraft(responses.stored.get(partial.responseId()));
        // WHEN the rest arrives THEN it is asked to come again in a moment, and nothing changes
        assertThat(submit.submit(new SubmissionRequest("demo-nps", Map.of("nps", 3, "comment", "x"), "fa", "late-2",
                null, Map.of(), false, NOW))).isEqualTo(new SubmissionResult.StillProcessing(partial.responseId()));
        assertThat(responses.stored.get(partial.responseId()).answers()).containsOnlyKeys("nps");
    }

    @Test
    void submit_shouldReturnTheSameResponse_whenIdempotencyKeyIsRepeated() {
        var first = (SubmissionResult.Accepted) submit(Map.of("nps", 9), "order-42");
        var again = submit(Map.of("nps", 9), "order-42");
        assertThat(first.replayed()).isFalse();
        assertThat(again).isEqualTo(new SubmissionResult.Accepted(first.responseId(), true));
        assertThat(responses.stored).hasSize(1);
    }

    @Test
    void submit_shouldReportKeyReuse_whenSameKeyCarriesOtherAnswers() {
        submit(Map.of("nps", 9), "order-42");
        assertThat(submit(Map.of("nps", 1), "order-42")).isEqualTo(new SubmissionResult.KeyReused("Idempotency-Key order-42"));
        assertThat(responses.stored.values()).singleElement()
                .satisfies(r -> assertThat(r.answers().get("nps")).isEqualTo(new Answer.Score(QuestionType.NPS, 9)));
    }

    @Test
    void submit_shouldStoreOneResponseWithSignedHiddenFields_whenTheSameLinkIsUsedThreeTimes() {
        // GIVEN a signed invitation carrying plan and orderId
        String token = invitation(Map.of("plan", "pro", "orderId", "A-1"), NOW.plus(Duration.ofDays(30)));
        // WHEN it is used three times, once with a forged unsigned plan
        var first = submitWithLink(Map.of("nps", 4), token, Map.of("plan", "free"));
        var second = submitWithLink(Map.of("nps", 4), token, Map.of());
        var third = submitWithLink(Map.of("nps", 4), token, Map.of());
        // THEN one response, for the invitation's customer, with the signed values (signed wins), in the customer's language
        assertThat(responses.stored).hasSize(1);
        Response stored = stored(first);
        assertThat(stored.hidden()).containsExactlyInAnyOrderEntriesOf(Map.of("plan", "pro", "orderId", "A-1"));
        assertThat(stored.customerId()).isEqualTo("cust-7");
        assertThat(stored.invitationId()).isEqualTo("inv-1");
        assertThat(stored.language()).isEqualTo("fa");
        assertThat(second).isEqualTo(new SubmissionResult.Accepted(stored.id(), true));
        assertThat(third).isEqualTo(new SubmissionResult.Accepted(stored.id(), true));
        // AND other answers through the same invitation are refused
        assertThat(submitWithLink(Map.of("nps", 10), token, Map.of())).isEqualTo(new SubmissionResult.KeyReused("this invitation"));
    }

    @Test
    void submit_shouldRefuseTheLink_whenItIsForgedExpiredOrForAnotherSurvey() {
        String expired = invitation(Map.of(), NOW.minusSeconds(1));
        assertThat(submitWithLink(Map.of("nps", 4), "forged", Map.of())).isInstanceOf(SubmissionResult.LinkRefused.class);
        assertThat(submitWithLink(Map.of("nps", 4), expired, Map.of()))
                .isEqualTo(new SubmissionResult.LinkRefused("this survey link expired at " + NOW.minusSeconds(1)));
        String otherSurvey = links.issue(new Invitation("inv-2", "other", new Customer(null, null, null, null, null),
                Map.of(), "link", NOW.plusSeconds(60)), NOW);
        assertThat(submitWithLink(Map.of("nps", 4), otherSurvey, Map.of()))
                .isEqualTo(new SubmissionResult.LinkRefused("this survey link is for another survey"));
        assertThat(responses.stored).isEmpty();
    }

    @Test
    void submit_shouldTakeDeclaredUnsignedHiddenFields_onlyWhenNoSignedLinkIsRequired() {
        // GIVEN unsigned hidden fields on an open survey
        var open = submitWithLink(Map.of("nps", 8), null, Map.of("plan", "basic"));
        assertThat(stored(open).hidden()).containsExactly(Map.entry("plan", "basic"));
        // AND an undeclared one is refused
        assertThat(submitWithLink(Map.of("nps", 8), null, Map.of("discount", "99")))
                .isEqualTo(new SubmissionResult.Invalid(new Problem("hidden.discount", "is not a hidden field of survey demo-nps")));
        // WHEN the survey requires a signed link THEN an unsigned answer is refused
        Survey demo = DemoSurveys.demoNps();
        surveys.save(new Survey(demo.id(), 2, demo.name(), demo.kind(), demo.defaultLanguage(), demo.languages(),
                demo.questions(), demo.hiddenFields(), true, demo.touchpoint(), demo.allowedOrigins(), demo.thankYou(),
                demo.followUp(), demo.themes(), null, null, null, null));
        assertThat(submitWithLink(Map.of("nps", 8), null, Map.of("plan", "basic")))
                .isInstanceOf(SubmissionResult.LinkRefused.class);
    }

    @Test
    void submit_shouldReportUnknownSurvey_whenSurveyDoesNotExist() {
        var result = submit.submit(new SubmissionRequest("nope", Map.of("nps", 1), null, null, null, Map.of(), false, NOW));
        assertThat(result).isEqualTo(new SubmissionResult.SurveyNotFound("nope"));
    }

    private SubmissionResult partial(Map<String, Object> answers, String key, Instant at) {
        return submit.submit(new SubmissionRequest("demo-nps", answers, "en", key, null, Map.of(), true, at));
    }

    @Test
    void partialSave_shouldBeCompletedUnderTheSameKey_asOneResponse() {
        // GIVEN the NPS answered and saved as partial
        var saved = (SubmissionResult.Accepted) partial(Map.of("nps", 3), "widget-1", NOW);
        assertThat(responses.stored.get(saved.responseId()).status()).isEqualTo(ResponseStatus.DRAFT);
        // WHEN the respondent finishes with a comment
        var done = submit(Map.of("nps", 3, "comment", "slow"), "widget-1");
        // THEN the same response is received, complete, not partial
        assertThat(done).isEqualTo(new SubmissionResult.Accepted(saved.responseId(), false));
        Response response = responses.stored.get(saved.responseId());
        assertThat(response.status()).isEqualTo(ResponseStatus.RECEIVED);
        assertThat(response.partial()).isFalse();
        assertThat(response.answers()).containsKey("comment");
        assertThat(responses.stored).hasSize(1);
        // AND a late partial save of what was already sent changes nothing
        assertThat(partial(Map.of("nps", 3), "widget-1", NOW)).isEqualTo(new SubmissionResult.Accepted(saved.responseId(), true));
        assertThat(responses.stored.get(saved.responseId()).status()).isEqualTo(ResponseStatus.RECEIVED);
    }

    @Test
    void abandonedDraft_shouldBecomeAPartialResponse_afterTheTimeout() {
        // GIVEN a respondent who answered the NPS and left
        var saved = (SubmissionResult.Accepted) partial(Map.of("nps", 9), "widget-2", NOW);
        FinalizeDrafts finalizer = new FinalizeDrafts(responses);
        // WHEN the sweep runs before and after the timeout
        int early = finalizer.finalizeAbandoned(NOW.plus(FinalizeDrafts.DRAFT_TIMEOUT).minusSeconds(1));
        int due = finalizer.finalizeAbandoned(NOW.plus(FinalizeDrafts.DRAFT_TIMEOUT));
        int again = finalizer.finalizeAbandoned(NOW.plus(FinalizeDrafts.DRAFT_TIMEOUT).plusSeconds(300));
        // THEN it is finalized once, as a received response marked partial, keeping its answer
        assertThat(early).isZero();
        assertThat(due).isEqualTo(1);
        assertThat(again).isZero();
        Response response = responses.stored.get(saved.responseId());
        assertThat(response.status()).isEqualTo(ResponseStatus.RECEIVED);
        assertThat(response.partial()).isTrue();
        assertThat(response.answers()).containsEntry("nps", new Answer.Score(QuestionType.NPS, 9));
    }

    @Test
    void partialSave_shouldNeedAKey_andStillCheckWhatWasAnswered() {
        assertThat(partial(Map.of("nps", 3), null, NOW)).isInstanceOfSatisfying(SubmissionResult.Invalid.class,
                invalid -> assertThat(invalid.problem().field()).isEqualTo("Idempotency-Key"));
        assertThat(partial(Map.of("nps", 12), "widget-3", NOW)).isEqualTo(
                new SubmissionResult.Invalid(new Problem("answers.nps", "must be a whole number from 0 to 10")));
        assertThat(partial(Map.of("comment", "only a comment"), "widget-4", NOW)).isInstanceOf(SubmissionResult.Accepted.class);
    }
}
