package io.halqe.aws.messaging;

import io.halqe.aws.json.Json;
import io.halqe.domain.events.DomainEvent;
import io.halqe.domain.events.EventPublisher;
import java.util.List;
import software.amazon.awssdk.services.eventbridge.EventBridgeClient;
import software.amazon.awssdk.services.eventbridge.model.PutEventsRequestEntry;
import software.amazon.awssdk.services.eventbridge.model.PutEventsResultEntry;

/** PutEvents in batches of ten (the API's limit); partial failures throw, so the caller's retry republishes. */
public final class EventBridgePublisher implements EventPublisher {

    private static final int MAX_ENTRIES = 10;

    private final EventBridgeClient eventBridge;
    private final String busName;

    public EventBridgePublisher(EventBridgeClient eventBridge, String busName) {
        this.eventBridge = eventBridge;
        this.busName = busName;
    }

    @Override
    public void publish(List<? extends DomainEvent> events) {
        for (int from = 0; from < events.size(); from += MAX_ENTRIES) {
            List<PutEventsRequestEntry> entries = events.subList(from, Math.min(events.size(), from + MAX_ENTRIES))
                    .stream().map(this::entry).toList();
            var result = eventBridge.putEvents(request -> request.entries(entries));
            if (result.failedEntryCount() != null && result.failedEntryCount() > 0) {
                String reasons = result.entries().stream().filter(entry -> entry.errorCode() != null)
                        .map(PutEventsResultEntry::errorMessage).distinct().toList().toString();
                throw new EventPublishingException(result.failedEntryCount() + " of " + entries.size()
                        + " events were not accepted: " + reasons);
            }
        }
    }

    private PutEventsRequestEntry entry(DomainEvent event) {
        return PutEventsRequestEntry.builder()
                .eventBusName(busName)
                .source(DomainEvent.SOURCE)
                .detailType(event.detailType())
                .detail(Json.write(event))
                .build();
    }

    public static final class EventPublishingException extends RuntimeException {
        public EventPublishingException(String message) {
            super(message);
        }
    }
}
