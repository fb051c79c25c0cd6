package io.halqe.domain.events;

import java.util.List;

public interface EventPublisher {

    /** Publishes all events or throws; callers are idempotent, so a retry may publish some twice. */
    void publish(List<? extends DomainEvent> events);
}
