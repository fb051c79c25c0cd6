package io.halqe.domain.parking;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Work a loop gave up on — an escalation, a digest, an announcement's unreached customers, a stream record — kept with
 * why, listed for a team, and re-queued once the cause is fixed. Outreach parks on its own item
 * ({@link io.halqe.domain.outreach.OutreachRepository}); everything else parks here.
 */
public interface ParkedWork {

    /** Parks (or parks again, replacing) one piece of work. */
    void park(Parked parked);

    /** Parked work, most recently parked first, at most {@code limit}. */
    List<Parked> list(int limit);

    Optional<Parked> find(String id);

    /** Takes parked work out of the list; false if it was not parked (another re-queue won). */
    boolean remove(String id);

    /** Marks parked work for its loop's next run to take; false if it was not parked. */
    boolean markRequeued(String id, Instant at);

    /** Work of that kind a team re-queued, for the loop that owns it. */
    List<Parked> requeued(Kind kind, int limit);

    /**
     * Takes a parked stream record out of the list and, in the same transaction, marks its response so the stream
     * delivers it once more to the function that parked it; false if it was not parked.
     */
    boolean requeueResponse(Parked parked);

    enum Kind {
        ESCALATION, DIGEST, ANNOUNCEMENT, ENRICHMENT, SCORING;

        public String wireName() {
            return name().toLowerCase(java.util.Locale.ROOT);
        }

        public static Optional<Kind> ofWireName(String name) {
            for (Kind kind : values()) {
                if (kind.wireName().equals(name)) {
                    return Optional.of(kind);
                }
            }
            return Optional.empty();
        }
    }

    /**
     * @param id     {@code kind:item}, what a team names in the re-queue call
     * @param item   what the loop needs to find the work again (a case id, a response key, a digest's period…)
     * @param detail what re-doing the work takes beyond {@code item}; never listed, since it may hold addresses
     */
    record Parked(String id, Kind kind, String item, String reason, int attempts, Instant parkedAt,
                  Map<String, String> detail) {

        public Parked {
            detail = detail == null ? Map.of() : Map.copyOf(detail);
        }

        public static Parked of(Kind kind, String item, String reason, int attempts, Instant parkedAt,
                                Map<String, String> detail) {
            return new Parked(kind.wireName() + ":" + item, kind, item, reason, attempts, parkedAt, detail);
        }
    }
}
