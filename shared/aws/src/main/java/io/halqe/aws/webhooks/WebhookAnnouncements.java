package io.halqe.aws.webhooks;

import io.halqe.domain.cases.CaseWork;
import io.halqe.domain.cases.FollowUpCase;
import io.halqe.domain.events.ResponseEnriched;
import io.halqe.domain.events.ScoreShifted;
import io.halqe.domain.webhooks.EnqueueWebhooks;
import io.halqe.domain.webhooks.WebhookEvents;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.BiPredicate;
import java.util.function.Supplier;

/**
 * What each event type tells a subscriber, and the key that makes a repeated event the same message. Every call adds
 * the deliveries the subscriptions ask for (none when none does) and returns how many it added.
 */
public final class WebhookAnnouncements {

    private final EnqueueWebhooks outbox;

    public WebhookAnnouncements(EnqueueWebhooks outbox) {
        this.outbox = outbox;
    }

    /**
     * An answer as analysed; an imported (historical) one is not announced, as it alerts nobody either. The bus is not
     * proof: an answer goes out only when {@code stored} finds it, asked only when a subscription wants answers.
     */
    public int responseEnriched(ResponseEnriched response, Instant at, BiPredicate<String, String> stored) {
        if (response.historical() || !outbox.wanted(WebhookEvents.RESPONSE_ENRICHED)
                || !stored.test(response.surveyId(), response.responseId())) {
            return 0;
        }
        // a partial answer is enriched again when it is completed: two messages
        String key = response.responseId() + (response.partial() ? "#partial" : "");
        return announce(WebhookEvents.RESPONSE_ENRICHED, key, at, response);
    }

    public int caseOpened(FollowUpCase opened) {
        Map<String, Object> data = caseData(opened);
        data.put("openedAt", opened.openedAt());
        data.put("dueAt", opened.dueAt());
        return announce(WebhookEvents.CASE_OPENED, opened.id(), opened.openedAt(), data);
    }

    /**
     * A case closed again after a reopening is another message: its key holds when it closed. {@code stored} is the
     * case's work as saved (a repeated close keeps the first close's time and resolution, so it is the same message),
     * read only when a subscription asks for closed cases; {@code now} stands in for a close time not yet readable.
     */
    public int caseClosed(FollowUpCase closed, boolean customerNotified, Supplier<CaseWork> stored, Instant now) {
        if (!outbox.wanted(WebhookEvents.CASE_CLOSED)) {
            return 0;
        }
        CaseWork work = stored.get();
        Instant closedAt = work.closedAt() == null ? now : work.closedAt();
        Map<String, Object> data = caseData(closed);
        data.put("resolution", work.resolution());
        data.put("customerNotified", customerNotified);
        data.put("closedAt", closedAt);
        return announce(WebhookEvents.CASE_CLOSED, closed.id() + "#" + closedAt, closedAt, data);
    }

    public int scoreShifted(ScoreShifted shift, Instant at) {
        String key = String.join("#", shift.surveyId(), shift.metric(), shift.period(), shift.after().from(),
                shift.direction());
        return announce(WebhookEvents.SCORE_SHIFTED, key, at, shift);
    }

    private int announce(String type, String key, Instant at, Object data) {
        if (!outbox.wanted(type)) {
            return 0;
        }
        return outbox.enqueue(type, key, at, WebhookMessages.of(type, at, data), at);
    }

    private static Map<String, Object> caseData(FollowUpCase followUpCase) {
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("caseId", followUpCase.id());
        data.put("responseId", followUpCase.responseId());
        data.put("surveyId", followUpCase.surveyId());
        data.put("team", followUpCase.team());
        data.put("owner", followUpCase.owner());
        data.put("reason", followUpCase.reason());
        data.put("npsScore", followUpCase.npsScore());
        return data;
    }
}
