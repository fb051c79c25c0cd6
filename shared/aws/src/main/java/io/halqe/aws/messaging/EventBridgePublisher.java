package io.halqe.aws.messaging;

import io.halqe.aws.json.Json;
import io.halqe.domain.events.DomainEvent;
import io.halqe.domain.events.EventPublisher;
import java.util.List;
import software.amazon.awssdk.services.eventbridge.EventBridgeClient;
import software.amazon.awssdk.services.eventbridge.model.PutEventsRequestEntry;
import software.amazon.awssdk.services.eventbridge.model.PutEventsResultEntry;

/**
 * PutEvents in requests within the API's limits ({@link PutEventsLimits}: ten entries, 256 KB); partial failures
 * throw, so the caller's retry republishes.
 */
public final class EventBridgePublisher implements EventPublisher {

    private final EventBridgeClient eventBridge;
    private final String busName;

    public EventBridgePublisher(EventBridgeClient eventBridge, String busName) {
        this.eventBridge = eventBridge;
        this.busName = busName;
    }

    @Override
    public void publish(List<? extends DomainEvent> events) {
        List<PutEventsRequestEntry> request = new java.util.ArrayList<>();
        int requestBytes = 0;
        for (DomainEvent event : events) {
            PutEventsRequestEntry entry = entry(event);
            int size = PutEventsLimits.entrySize(entry.source(), entry.detailType(), entry.detail(), List.of(), false);
            if (size > PutEventsLimits.MAX_REQUEST_BYTES) {
                throw new EventPublishingException("a " + event.detailType() + " event of " + size
                        + " bytes is over EventBridge's 256 KB");
            }
            if (request.size() == PutEventsLimits.MAX_ENTRIES || requestBytes + size > PutEventsLimits.MAX_REQUEST_BYTES) {
                put(request);
                request = new java.util.ArrayList<>();
                requestBytes = 0;
            }
            request.add(entry);
            requestBytes += size;
        }
        if (!request.isEmpty()) {
            put(request);
        }
    }

    private void put(List<PutEventsRequestEntry> entries) {
        var result = eventBridge.putEvents(request -> request.entries(entries));
        if (result.failedEntryCount() != null && result.failedEntryCount() > 0) {
            String reasons = result.entries().stream().filter(entry -> entry.errorCode() != null)
                    .map(PutEventsResultEntry::errorMessage).distinct().toList().toString();
            throw new EventPublishingException(result.failedEntryCount() + " of " + entries.size()
                    + " events were not accepted: " + reasons);
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
