package io.halqe.domain.cases;

import io.halqe.domain.core.Problem;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * {@code PATCH /api/cases/{id}} and {@code POST /api/cases/{id}/notes}: a case moves forward only
 * (open → acknowledged → in_progress → resolved; closing is {@link CloseCase}'s), and the team records what it did.
 */
public final class UpdateCase {

    public record Patch(String status, String owner, String team, List<String> tags, String rootCause,
                        String actionsTaken, CaseWork.Compensation compensation) {
    }

    public sealed interface Outcome {
        record Updated(FollowUpCase followUpCase, CaseWork work) implements Outcome {
        }

        record NotFound(String caseId) implements Outcome {
        }

        record Invalid(Problem problem) implements Outcome {
        }

        /** Someone else moved the case first; read it again. */
        record Conflict(String caseId) implements Outcome {
        }
    }

    private static final Pattern TEAM = Pattern.compile("[A-Za-z0-9_-]{1,64}");
    private static final Set<String> COMPENSATIONS = Set.of("discount_code", "credit");

    private final CaseRepository cases;

    public UpdateCase(CaseRepository cases) {
        this.cases = cases;
    }

    public Outcome patch(String caseId, Patch patch, Instant at) {
        Optional<FollowUpCase> current = cases.find(caseId);
        if (current.isEmpty()) {
            return new Outcome.NotFound(caseId);
        }
        CaseStatus to = null;
        if (patch.status() != null) {
            try {
                to = CaseStatus.fromWire(patch.status());
            } catch (IllegalArgumentException unknown) {
                return new Outcome.Invalid(new Problem("status", "must be acknowledged, in_progress or resolved"));
            }
            if (to == CaseStatus.CLOSED) {
                return new Outcome.Invalid(new Problem("status", "close a case with POST /api/cases/{id}/close"));
            }
            if (to.ordinal() < current.get().status().ordinal()) {
                return new Outcome.Invalid(new Problem("status", "a " + current.get().status().wireName() + " case cannot go back to "
                        + to.wireName()));
            }
        }
        if (patch.owner() != null && !io.halqe.domain.text.EmailAddresses.isAddress(patch.owner())) {
            return new Outcome.Invalid(new Problem("owner", "must be the owner's email address"));
        }
        if (patch.team() != null && !TEAM.matcher(patch.team()).matches()) {
            return new Outcome.Invalid(new Problem("team", "must be a team id of letters, digits, _ or -"));
        }
        if (patch.tags() != null && (patch.tags().size() > 20
                || patch.tags().stream().anyMatch(tag -> tag == null || tag.isBlank() || tag.length() > 50))) {
            return new Outcome.Invalid(new Problem("tags", "at most 20 tags of at most 50 characters"));
        }
        if (patch.rootCause() != null && patch.rootCause().length() > 500) {
            return new Outcome.Invalid(new Problem("rootCause", "must be at most 500 characters"));
        }
        if (patch.actionsTaken() != null && patch.actionsTaken().length() > 2000) {
            return new Outcome.Invalid(new Problem("actionsTaken", "must be at most 2000 characters"));
        }
        if (patch.compensation() != null && (!COMPENSATIONS.contains(patch.compensation().type())
                || patch.compensation().value() == null || patch.compensation().value().isBlank()
                || patch.compensation().value().length() > 100)) {
            return new Outcome.Invalid(new Problem("compensation", "must be {\"type\":\"discount_code|credit\",\"value\":\"…\"}"));
        }
        if (current.get().status() == CaseStatus.CLOSED) {
            return new Outcome.Invalid(new Problem("status", "the case is closed"));
        }
        return cases.update(caseId, current.get().status(), to, patch, at)
                .<Outcome>map(updated -> new Outcome.Updated(updated, cases.work(caseId)))
                .orElseGet(() -> new Outcome.Conflict(caseId));
    }

    public Outcome note(String caseId, String author, String text, Instant at) {
        if (text == null || text.isBlank() || text.length() > 5000) {
            return new Outcome.Invalid(new Problem("text", "is required (at most 5000 characters)"));
        }
        if (author != null && author.length() > 200) {
            return new Outcome.Invalid(new Problem("author", "must be at most 200 characters"));
        }
        if (!cases.addNote(caseId, new CaseWork.Note(at, author, text.strip()))) {
            return new Outcome.NotFound(caseId);
        }
        return new Outcome.Updated(cases.find(caseId).orElseThrow(), cases.work(caseId));
    }
}
