package io.halqe.domain.enrichment;

import io.halqe.domain.events.EventPublisher;
import io.halqe.domain.events.ResponseEnriched;
import io.halqe.domain.response.Answer;
import io.halqe.domain.response.Response;
import io.halqe.domain.response.ResponseRepository;
import io.halqe.domain.survey.QuestionType;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Enriches new responses and announces them. Safe to repeat: the response is updated only on its first
 * enrichment, and the event is published every time so a crash between the two loses nothing (consumers dedupe).
 */
public final class EnrichResponses {

    private final ResponseRepository responses;
    private final EventPublisher events;

    public EnrichResponses(ResponseRepository responses, EventPublisher events) {
        this.responses = responses;
        this.events = events;
    }

    public void enrich(List<Response> batch, Instant now) {
        List<ResponseEnriched> enriched = new ArrayList<>(batch.size());
        for (Response response : batch) {
            Enrichment enrichment = enrichmentOf(response, now);
            responses.markEnriched(response, enrichment);
            enriched.add(eventFor(response, enrichment));
        }
        if (!enriched.isEmpty()) {
            events.publish(enriched);
        }
    }

    public static Enrichment enrichmentOf(Response response, Instant now) {
        Integer nps = null;
        StringBuilder comment = new StringBuilder();
        for (Answer answer : response.answers().values()) {
            if (answer instanceof Answer.Score score && score.type() == QuestionType.NPS && nps == null) {
                nps = score.value();
            } else if (answer instanceof Answer.Text text) {
                comment.append(comment.isEmpty() ? "" : "\n").append(text.value());
            }
        }
        String text = comment.toString();
        TextSignals signals = TextSignals.of(text);
        String language = TextSignals.UNKNOWN.equals(signals.language()) ? response.language() : signals.language();
        return new Enrichment(nps, nps == null ? null : NpsCategory.of(nps), text.isEmpty() ? null : text,
                language, signals.wordCount(), now);
    }

    public static ResponseEnriched eventFor(Response response, Enrichment enrichment) {
        Map<String, Object> answers = new LinkedHashMap<>();
        response.answers().forEach((id, answer) -> answers.put(id, switch (answer) {
            case Answer.Score score -> score.value();
            case Answer.Text text -> text.value();
            case Answer.Choices choices -> choices.values();
        }));
        return new ResponseEnriched(ResponseEnriched.VERSION, response.id(), response.surveyId(),
                response.surveyVersion(), response.submittedAt(), enrichment.language(), enrichment.npsScore(),
                enrichment.npsCategory() == null ? null : enrichment.npsCategory().wireName(), enrichment.comment(),
                enrichment.wordCount(), answers, response.hidden(), response.customerId());
    }
}
