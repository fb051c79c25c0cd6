package io.halqe.local;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/** Work that failed every retry: the local stand-in for the template's dead-letter queues. */
public final class DeadLetters {

    /**
     * One failure. {@code source} says where it came from ({@code stream:ResponsesTable}, {@code rule:Detractors},
     * {@code schedule:Sweep}); {@code payload} is the event (a stream batch's records, the bus event, the schedule's
     * input).
     */
    public record DeadLetter(String function, String source, String error, int attempts, JsonNode payload,
                             Instant at) {
    }

    private final List<DeadLetter> letters = new ArrayList<>();

    synchronized void add(DeadLetter letter) {
        letters.add(letter);
        System.out.println("[local] dead letter: " + letter.function() + " from " + letter.source() + " after "
                + letter.attempts() + " attempt(s): " + letter.error());
    }

    public synchronized List<DeadLetter> all() {
        return List.copyOf(letters);
    }

    public synchronized void clear() {
        letters.clear();
    }
}
