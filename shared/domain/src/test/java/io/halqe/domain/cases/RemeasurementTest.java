package io.halqe.domain.cases;

import static org.assertj.core.api.Assertions.assertThat;

import io.halqe.domain.response.Enrichment;
import io.halqe.domain.response.NpsCategory;
import io.halqe.domain.events.ResponseEnriched;
import io.halqe.domain.fakes.InMemoryCases;
import io.halqe.domain.fakes.InMemoryResponses;
import io.halqe.domain.response.Answer;
import io.halqe.domain.response.Response;
import io.halqe.domain.response.ResponseStatus;
import io.halqe.domain.survey.QuestionType;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class RemeasurementTest {

    private static final Instant AT = Instant.parse("2026-11-23T10:00:00Z");
    private final InMemoryCases cases = new InMemoryCases();
    private final InMemoryResponses responses = new InMemoryResponses();

    private void closedCase(String responseId, String team, int scoreBefore, List<String> themes) {
        responses.insertIfAbsent(new Response(responseId, "demo-nps", 1,
                Map.of("nps", new Answer.Score(QuestionType.NPS, scoreBefore)), "en", AT, ResponseStatus.ENRICHED,
                new Enrichment(scoreBefore, NpsCategory.of(scoreBefore), null, "en", 0, "negative", -0.5, themes, null,
                        List.of(), List.of(), null, List.of(team), List.of(), null, AT), Map.of(), null, null, false));
        cases.openIfAbsent(new FollowUpCase(FollowUpCase.idFor(responseId), responseId, "demo-nps", CaseStatus.OPEN, team,
                "o@example.com", "Detractor", scoreBefore, null, "en", AT, AT.plus(Duration.ofHours(48))));
        cases.close(FollowUpCase.idFor(responseId), "done", AT);
        cases.work.put(FollowUpCase.idFor(responseId), new CaseWork(List.of(), null, null, null, List.of(), "done", AT));
    }

    /** A re-survey's answer as it was stored (through its signed link) and then announced on the bus. */
    private ResponseEnriched answered(String responseId, String invitationId, int nps, Instant at) {
        responses.insertIfAbsent(new Response(responseId, "demo-nps", 1, Map.of("nps", new Answer.Score(QuestionType.NPS, nps)),
                "en", at, ResponseStatus.ENRICHED, new Enrichment(nps, NpsCategory.of(nps), null, "en", 0, "neutral", 0,
                List.of(), null, List.of(), List.of(), null, List.of(), List.of(), null, at), Map.of(), "c1", invitationId,
                false));
        return announced(responseId, invitationId, nps, at);
    }

    /** What the bus carries: anyone able to put events could send this. */
    private static ResponseEnriched announced(String responseId, String invitationId, Integer nps, Instant at) {
        return new ResponseEnriched("1", responseId, "demo-nps", 1, at, "en", nps, nps == null ? null : "promoter", null, 0,
                Map.of(), Map.of(), "c1", false, "neutral", 0, List.of(), null, List.of(), null, List.of(), List.of(),
                invitationId);
    }

    @Test
    void record_shouldPutTheReSurveysAnswerOnTheCase_once() {
        closedCase("r1", "support", 2, List.of("delivery"));
        var record = new RecordRemeasurement(cases, responses);
        Instant answeredAt = AT.plus(Duration.ofDays(8));
        assertThat(record.record(answered("r-new", "resurvey-case-r1", 9, answeredAt))).contains(
                new CaseWork.Remeasurement(2, 9, answeredAt));
        // a redelivery, or a second answer, changes nothing
        assertThat(record.record(announced("r-new", "resurvey-case-r1", 9, answeredAt))).isEmpty();
        assertThat(record.record(answered("r-again", "resurvey-case-r1", 3, answeredAt.plusSeconds(60)))).isEmpty();
        assertThat(cases.work("case-r1").remeasurement()).isEqualTo(new CaseWork.Remeasurement(2, 9, answeredAt));
        // answers through other links are not re-surveys
        assertThat(record.record(answered("r-other", "t-demo-ev-1", 9, answeredAt))).isEmpty();
        assertThat(record.record(answered("r-plain", null, 9, answeredAt))).isEmpty();
    }

    @Test
    void record_shouldChangeNoCase_whenTheEventIsForged() {
        // GIVEN a closed case never re-surveyed
        closedCase("r1", "support", 2, List.of("delivery"));
        var record = new RecordRemeasurement(cases, responses);
        // WHEN events claim a re-survey score of 10: for a response that does not exist, and for the case's own
        // detractor response (which came through no re-survey link)
        assertThat(record.record(announced("r-forged", "resurvey-case-r1", 10, AT.plus(Duration.ofDays(8))))).isEmpty();
        assertThat(record.record(announced("r1", "resurvey-case-r1", 10, AT.plus(Duration.ofDays(8))))).isEmpty();
        // THEN the case has no remeasurement
        assertThat(cases.work("case-r1").remeasurement()).isNull();
    }

    @Test
    void report_shouldShowRecoveredDetractorsAndScoreChange_byTeamAndTheme() {
        // GIVEN three closed detractor cases: two re-surveyed (2→9 recovered, 4→5 not), one not answered yet
        closedCase("r1", "support", 2, List.of("delivery"));
        closedCase("r2", "support", 4, List.of("delivery", "price"));
        closedCase("r3", "finance", 1, List.of("billing"));
        var record = new RecordRemeasurement(cases, responses);
        record.record(answered("r-new1", "resurvey-case-r1", 9, AT.plus(Duration.ofDays(8))));
        record.record(answered("r-new2", "resurvey-case-r2", 5, AT.plus(Duration.ofDays(8))));
        // WHEN the report is read
        var report = new ReportEffectiveness(cases, responses).report(null, null);
        // THEN half the re-surveyed detractors recovered, and scores rose by 4 on average
        assertThat(report.overall()).isEqualTo(new ReportEffectiveness.Figures("all", 3, 2, 2, 1, 0.5, 4.0));
        assertThat(report.byTeam()).extracting(ReportEffectiveness.Figures::key).containsExactly("finance", "support");
        assertThat(report.byTeam().get(0)).isEqualTo(new ReportEffectiveness.Figures("finance", 1, 0, 0, 0, null, null));
        assertThat(report.byTheme()).filteredOn(f -> f.key().equals("price")).singleElement()
                .isEqualTo(new ReportEffectiveness.Figures("price", 1, 1, 1, 0, 0.0, 1.0));
        // AND a window that ends before the closes counts nothing
        assertThat(new ReportEffectiveness(cases, responses).report(null, AT).overall().closedCases()).isZero();
    }
}
