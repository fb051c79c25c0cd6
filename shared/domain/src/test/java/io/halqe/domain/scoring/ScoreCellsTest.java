package io.halqe.domain.scoring;

import static org.assertj.core.api.Assertions.assertThat;

import io.halqe.domain.response.Answer;
import io.halqe.domain.response.Enrichment;
import io.halqe.domain.response.NpsCategory;
import io.halqe.domain.response.Response;
import io.halqe.domain.survey.QuestionType;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ScoreCellsTest {

    private static final Instant AT = Instant.parse("2026-12-01T10:00:00Z");

    private static Response detractor(List<String> themes, List<String> teams, List<String> owningTeams) {
        Enrichment enrichment = new Enrichment(2, NpsCategory.DETRACTOR, "late", "en", 1, "negative", -0.5, themes,
                "complaint", List.of(), List.of(), null, teams, List.of(), null, AT, owningTeams);
        return Response.received("r", "s", 1, Map.of("nps", new Answer.Score(QuestionType.NPS, 2)), "en", AT)
                .enriched(enrichment);
    }

    @Test
    void cells_shouldCountOnlyOwningTeams_whenATeamWasRoutedTheAnswerForItsScore() {
        // GIVEN a detractor about delivery, routed to support for its score and to logistics for its theme
        Response response = detractor(List.of("delivery"), List.of("support", "logistics"), List.of("logistics"));
        // WHEN its cells are computed
        var cells = ScoreCells.of(response);
        // THEN it counts in logistics' figures, never in support's (whose NPS over detractors alone would be -100)
        assertThat(cells).contains("team=logistics", "teamTheme=logistics/delivery")
                .doesNotContain("team=support", "teamTheme=support/delivery");
    }

    @Test
    void cells_shouldCountAnAnswerAsInvited_onlyWhenItCameThroughAnInvitation() {
        // GIVEN the same answer, once anonymous and once through an invitation, whose hidden fields try to say otherwise
        Response anonymous = Response.received("r", "s", 1, Map.of("nps", new Answer.Score(QuestionType.NPS, 9)), "en", AT);
        Response invited = new Response("r2", "s", 1, anonymous.answers(), "en", AT, anonymous.status(), null,
                Map.of("invited", "no"), "c-1", "inv-1", false);
        // WHEN their cells are computed THEN only the invited one counts in invited=yes, and no hidden field names it
        assertThat(ScoreCells.of(anonymous)).doesNotContain(ScoreCells.INVITED);
        assertThat(ScoreCells.of(invited)).contains(ScoreCells.INVITED).doesNotContain("invited=no");
    }

    @Test
    void cells_shouldNameEachChoiceAndYesNo_whenTheAnswerHasThem() {
        // GIVEN an answer with a single choice, two of a multi-choice and a yes/no
        Response response = Response.received("r", "s", 1, Map.of("nps", new Answer.Score(QuestionType.NPS, 9),
                "plan", new Answer.Choices(List.of("pro")), "addons", new Answer.Choices(List.of("backup", "phone")),
                "renew", new Answer.Score(QuestionType.YESNO, 0)), "en", AT);
        // WHEN its cells are computed THEN each chosen option and the yes/no count under question:<id>
        assertThat(ScoreCells.of(response)).contains("question:plan=pro", "question:addons=backup",
                "question:addons=phone", "question:renew=no").noneMatch(cell -> cell.startsWith("question:nps"));
    }

    @Test
    void phraseCells_shouldNameOnlyPhrasesNoLexiconTermCovers_withTheirLanguage() {
        // GIVEN an analysis whose key phrases are a theme term, a sentiment term and two plain phrases
        Enrichment enrichment = new Enrichment(3, NpsCategory.DETRACTOR, "the login page stopped working, new cups",
                "en", 7, "negative", -0.8, List.of("usability"), "bug",
                List.of("login", "page", "stopped working", "new cups"),
                List.of(new io.halqe.domain.analytics.Match("theme", "login", "usability"),
                        new io.halqe.domain.analytics.Match("sentiment", "stopped working", "-0.80")),
                null, List.of(), List.of(), null, AT, List.of());
        Response response = Response.received("r", "s", 1, Map.of("nps", new Answer.Score(QuestionType.NPS, 3)), "en",
                AT).enriched(enrichment);
        // WHEN its cells are computed
        var cells = ScoreCells.of(response);
        // THEN only the uncovered phrases count, as <language>:<phrase>, and they are among the personal cells
        assertThat(ScoreCells.phraseCells(response)).containsExactly("phrase=en:page", "phrase=en:new cups");
        assertThat(cells).contains("phrase=en:page", "phrase=en:new cups")
                .doesNotContain("phrase=en:login", "phrase=en:stopped working");
        assertThat(ScoreCells.personalCells(response)).containsExactlyInAnyOrder("phrase=en:page", "phrase=en:new cups");
    }
}
