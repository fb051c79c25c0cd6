package io.halqe.domain.survey;

import io.halqe.domain.core.Problem;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;

/**
 * A draft shown by the real hosted page before it is published: validated as publishing it would be, kept for an
 * hour under an unguessable id that the preview's address carries. Nothing a respondent sees changes.
 */
public final class PreviewSurveys {

    public static final Duration LIFETIME = Duration.ofHours(1);

    public sealed interface Outcome {
        record Ready(String previewId, Survey survey, Instant expiresAt) implements Outcome {
        }

        record Invalid(Problem problem) implements Outcome {
        }
    }

    private final SurveyRepository surveys;

    public PreviewSurveys(SurveyRepository surveys) {
        this.surveys = surveys;
    }

    /** The draft as the version it would become: the next of its survey, or the first. */
    public Outcome preview(Survey draft, Instant now) {
        int version = draft.id() == null ? 1 : surveys.find(draft.id()).map(current -> current.version() + 1).orElse(1);
        Survey candidate = draft.withVersion(version);
        var problem = SurveyValidator.check(candidate);
        if (problem.isPresent()) {
            return new Outcome.Invalid(problem.get());
        }
        String previewId = UUID.randomUUID().toString();
        Instant expiresAt = now.plus(LIFETIME);
        surveys.savePreview(previewId, candidate, expiresAt);
        return new Outcome.Ready(previewId, candidate, expiresAt);
    }
}
