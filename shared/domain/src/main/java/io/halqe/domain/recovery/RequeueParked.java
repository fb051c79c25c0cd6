package io.halqe.domain.recovery;

import io.halqe.domain.parking.ParkedWork;

import io.halqe.domain.announcements.Announce;
import io.halqe.domain.cases.CaseRepository;
import java.time.Instant;

/**
 * {@code POST /api/admin/parked/{id}/requeue} for work other than outreach: each kind goes back to the loop it came
 * from — an escalation to the next sweep, a digest to the next hourly run, a stream record to its function, an
 * announcement announced again at once (reaching only the customers not reached before).
 */
public final class RequeueParked {

    private final ParkedWork parked;
    private final CaseRepository cases;
    private final Announce announce;

    public RequeueParked(ParkedWork parked, CaseRepository cases, Announce announce) {
        this.parked = parked;
        this.cases = cases;
        this.announce = announce;
    }

    public sealed interface Outcome {
        /** {@code next} says, for a team, what happens now. */
        record Requeued(String id, String kind, String next) implements Outcome {
        }

        record NotParked() implements Outcome {
        }
    }

    public Outcome requeue(String id, Instant now) {
        var found = parked.find(id);
        if (found.isEmpty()) {
            return new Outcome.NotParked();
        }
        ParkedWork.Parked entry = found.get();
        String next = switch (entry.kind()) {
            case ESCALATION -> {
                cases.clearEscalationFailures(entry.item());
                yield parked.remove(id) ? "the next sweep escalates the case" : null;
            }
            case DIGEST -> parked.markRequeued(id, now) ? "the next hourly run sends the digest" : null;
            case ENRICHMENT, SCORING -> parked.requeueResponse(entry)
                    ? "the response is delivered to " + entry.kind().wireName() + " again" : null;
            case ANNOUNCEMENT -> {
                if (!parked.remove(id)) {
                    yield null;
                }
                // parked again by the announcement itself if some customers still cannot be reached
                var sent = (Announce.Outcome.Sent) announce.announce(Announce.requestOf(entry.detail()), now);
                yield sent.failed() == 0 ? "announced again: " + sent.notified() + " more customers reached"
                        : "announced again: " + sent.failed() + " customers still not reached, parked again";
            }
        };
        return next == null ? new Outcome.NotParked() : new Outcome.Requeued(id, entry.kind().wireName(), next);
    }
}
