package io.halqe.domain.response;

import static org.assertj.core.api.Assertions.assertThat;

import io.halqe.domain.fakes.InMemoryResponses;
import io.halqe.domain.fakes.InMemorySurveys;
import io.halqe.domain.survey.DemoSurveys;
import io.halqe.domain.survey.QuestionType;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class SubmitResponseTest {

    private static final Instant NOW = Instant.parse("2026-11-23T10:00:00Z");
    private final InMemoryResponses responses = new InMemoryResponses();
    private final SubmitResponse submit = new SubmitResponse(new InMemorySurveys(DemoSurveys.demoNps()), responses);

    private SubmissionResult submit(Map<String, Object> answers, String key) {
        return submit.submit(new SubmissionRequest("demo-nps", answers, "fa", key, NOW));
    }

    @Test
    void submit_shouldStoreTypedAnswers_whenAnswersAreValid() {
        // GIVEN a detractor with a comment
        // WHEN it is submitted
        var result = submit(Map.of("nps", 2, "comment", "  Late delivery  "), null);
        // THEN it is accepted and stored as received, with the NPS typed and the comment trimmed
        assertThat(result).isInstanceOf(SubmissionResult.Accepted.class);
        Response stored = responses.stored.get(((SubmissionResult.Accepted) result).responseId());
        assertThat(stored.answers()).containsEntry("nps", new Answer.Score(QuestionType.NPS, 2))
                .containsEntry("comment", new Answer.Text("Late delivery"));
        assertThat(stored.status()).isEqualTo(ResponseStatus.RECEIVED);
        assertThat(stored.language()).isEqualTo("fa");
        assertThat(stored.submittedAt()).isEqualTo(NOW);
    }

    @Test
    void submit_shouldAcceptPersianAndArabicIndicDigits_whenScoreIsText() {
        // GIVEN scores written with Persian (۷) and Arabic-Indic (٣) digits
        // WHEN they are submitted
        var persian = submit(Map.of("nps", "۷"), null);
        var arabic = submit(Map.of("nps", "٣"), null);
        // THEN they read as 7 and 3
        assertThat(responses.stored.get(((SubmissionResult.Accepted) persian).responseId()).answers().get("nps"))
                .isEqualTo(new Answer.Score(QuestionType.NPS, 7));
        assertThat(responses.stored.get(((SubmissionResult.Accepted) arabic).responseId()).answers().get("nps"))
                .isEqualTo(new Answer.Score(QuestionType.NPS, 3));
    }

    @Test
    void submit_shouldNameTheField_whenScoreIsOutOfRange() {
        // GIVEN an NPS of 11, WHEN submitted
        var result = submit(Map.of("nps", 11), null);
        // THEN it is rejected naming answers.nps, and nothing is stored
        assertThat(result).isEqualTo(new SubmissionResult.Invalid("answers.nps", "must be a whole number from 0 to 10"));
        assertThat(responses.stored).isEmpty();
    }

    @Test
    void submit_shouldRejectAndStoreNothing_whenInputIsMalformed() {
        // GIVEN malformed answers: unknown question, missing required, fractional score, non-text comment, empty
        // WHEN / THEN each is rejected with the field named
        assertThat(submit(Map.of("nps", 5, "colour", "red"), null))
                .isEqualTo(new SubmissionResult.Invalid("answers.colour", "is not a question of survey demo-nps"));
        assertThat(submit(Map.of("comment", "hi"), null)).isEqualTo(new SubmissionResult.Invalid("answers.nps", "is required"));
        assertThat(submit(Map.of("nps", 7.5), null)).isInstanceOf(SubmissionResult.Invalid.class);
        assertThat(submit(Map.of("nps", 7, "comment", List.of("x")), null))
                .isEqualTo(new SubmissionResult.Invalid("answers.comment", "must be text"));
        assertThat(submit(Map.of(), null)).isEqualTo(new SubmissionResult.Invalid("answers", "at least one answer is required"));
        assertThat(submit(Map.of("nps", 5), "bad key with spaces"))
                .isEqualTo(new SubmissionResult.Invalid("Idempotency-Key", "must be 1-255 visible ASCII characters"));
        assertThat(responses.stored).isEmpty();
    }

    @Test
    void submit_shouldReturnTheSameResponse_whenIdempotencyKeyIsRepeated() {
        // GIVEN a response submitted with a key
        var first = (SubmissionResult.Accepted) submit(Map.of("nps", 9), "order-42");
        // WHEN the same answers come again with the same key
        var again = submit(Map.of("nps", 9), "order-42");
        // THEN the same response is named, marked replayed, and only one is stored
        assertThat(first.replayed()).isFalse();
        assertThat(again).isEqualTo(new SubmissionResult.Accepted(first.responseId(), true));
        assertThat(responses.stored).hasSize(1);
    }

    @Test
    void submit_shouldReportKeyReuse_whenSameKeyCarriesOtherAnswers() {
        // GIVEN a key already used, WHEN other answers come with it
        submit(Map.of("nps", 9), "order-42");
        var reused = submit(Map.of("nps", 1), "order-42");
        // THEN the caller is told, and the first answer stands
        assertThat(reused).isEqualTo(new SubmissionResult.KeyReused("order-42"));
        assertThat(responses.stored.values()).singleElement()
                .satisfies(r -> assertThat(r.answers().get("nps")).isEqualTo(new Answer.Score(QuestionType.NPS, 9)));
    }

    @Test
    void submit_shouldReportUnknownSurvey_whenSurveyDoesNotExist() {
        var result = submit.submit(new SubmissionRequest("nope", Map.of("nps", 1), null, null, NOW));
        assertThat(result).isEqualTo(new SubmissionResult.SurveyNotFound("nope"));
    }
}
