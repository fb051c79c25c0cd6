package io.halqe.domain.response;

import java.time.Duration;

/**
 * Drafts the respondent walked away from become responses marked partial, so an answered NPS question counts even
 * when the comment never comes. Run by the scheduled sweep; safe to overlap (each draft moves once, conditionally).
 */
public final class FinalizeDrafts {

    /** How long a draft waits for the rest of its answers. */
    public static final Duration DRAFT_TIMEOUT = Duration.ofMinutes(30);
    public static final int BATCH = 100;

    private final ResponseRepository responses;

    public FinalizeDrafts(ResponseRepository responses) {
        this.responses = responses;
    }

    public int finalizeAbandoned(java.time.Instant now) {
        int finalized = 0;
        for (Response draft : responses.abandonedDrafts(now, BATCH)) {
            if (responses.finalizeDraft(draft)) {
                finalized++;
            }
        }
        return finalized;
    }
}
