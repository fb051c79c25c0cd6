package io.halqe.domain.events;

/** An event Halqe puts on its bus: source {@code halqe}, detail-type {@link #detailType()}. */
public sealed interface DomainEvent permits ResponseEnriched, CaseOpened, ScoreShifted {

    String SOURCE = "halqe";

    String detailType();

    /** Schema version of the detail, bumped on incompatible change. */
    String version();
}
