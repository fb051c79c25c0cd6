package io.halqe.domain.enrichment;

import static org.assertj.core.api.Assertions.assertThat;

import io.halqe.domain.events.DomainEvent;
import io.halqe.domain.events.ResponseEnriched;
import io.halqe.domain.fakes.InMemoryResponses;
import io.halqe.domain.response.Answer;
import io.halqe.domain.response.Response;
import io.halqe.domain.response.ResponseStatus;
import io.halqe.domain.survey.QuestionType;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class EnrichResponsesTest {

    private static final Instant NOW = Instant.parse("2026-11-23T10:00:00Z");
    private final InMemoryResponses responses = new InMemoryResponses();
    private final List<DomainEvent> published = new ArrayList<>();
    private final EnrichResponses enrich = new EnrichResponses(responses, published::addAll);

    private Response received(String id, int nps, String comment) {
        Response response = Response.received(id, "demo-nps", 1,
                Map.of("nps", new Answer.Score(QuestionType.NPS, nps), "comment", new Answer.Text(comment)), "en", NOW);
        responses.insertIfAbsent(response);
        return response;
    }

    @Test
    void enrich_shouldClassifyAndPublish_whenResponseIsNew() {
        // GIVEN a detractor with a Persian comment
        Response response = received("r1", 3, "ارسال خیلی دیر بود");
        // WHEN enriched
        enrich.enrich(List.of(response), NOW);
        // THEN the stored response is enriched and ResponseEnriched carries category, language and comment
        assertThat(responses.stored.get("r1").status()).isEqualTo(ResponseStatus.ENRICHED);
        assertThat(published).singleElement().isInstanceOfSatisfying(ResponseEnriched.class, event -> {
            assertThat(event.npsCategory()).isEqualTo("detractor");
            assertThat(event.npsScore()).isEqualTo(3);
            assertThat(event.language()).isEqualTo("fa");
            assertThat(event.comment()).isEqualTo("ارسال خیلی دیر بود");
            assertThat(event.answers()).containsEntry("nps", 3);
        });
    }

    @Test
    void enrich_shouldPublishAgainButWriteOnce_whenRecordIsRedelivered() {
        // GIVEN a response enriched once
        Response response = received("r2", 10, "great");
        enrich.enrich(List.of(response), NOW);
        var firstEnrichment = responses.stored.get("r2").enrichment();
        // WHEN the stream redelivers it
        enrich.enrich(List.of(response), NOW.plusSeconds(60));
        // THEN the stored enrichment is the first one, and the event is published again (consumers dedupe)
        assertThat(responses.stored.get("r2").enrichment()).isEqualTo(firstEnrichment);
        assertThat(published).hasSize(2);
    }

    @Test
    void npsCategory_shouldFollowTheStandardCutoffs() {
        assertThat(NpsCategory.of(6)).isEqualTo(NpsCategory.DETRACTOR);
        assertThat(NpsCategory.of(7)).isEqualTo(NpsCategory.PASSIVE);
        assertThat(NpsCategory.of(8)).isEqualTo(NpsCategory.PASSIVE);
        assertThat(NpsCategory.of(9)).isEqualTo(NpsCategory.PROMOTER);
    }

    @Test
    void textSignals_shouldTellPersianFromArabicAndEnglish() {
        assertThat(TextSignals.of("پشتیبانی خوب بود").language()).isEqualTo("fa");
        assertThat(TextSignals.of("كانت الخدمة سيئة جدا").language()).isEqualTo("ar");
        assertThat(TextSignals.of("Delivery was late").language()).isEqualTo("en");
        assertThat(TextSignals.of("Delivery was late").wordCount()).isEqualTo(3);
        assertThat(TextSignals.of("  ").language()).isEqualTo(TextSignals.UNKNOWN);
    }
}
