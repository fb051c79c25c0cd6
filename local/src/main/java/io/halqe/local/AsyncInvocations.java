package io.halqe.local;

import java.time.Clock;
import java.util.ArrayDeque;
import java.util.Deque;

/**
 * Lambda's asynchronous invocations (EventBridge rules, schedules): queued, then taken and run by the worker (several
 * at once, as Lambda runs them); a failed one is queued again up to its maximum of retries, then goes to the dead
 * letters.
 */
final class AsyncInvocations {

    record Invocation(LocalFunction function, String source, String payload, int maxRetries, int attempts) {
    }

    private final Deque<Invocation> queue = new ArrayDeque<>();
    private final DeadLetters deadLetters;
    private final Clock clock;

    AsyncInvocations(DeadLetters deadLetters, Clock clock) {
        this.deadLetters = deadLetters;
        this.clock = clock;
    }

    synchronized void enqueue(LocalFunction function, String source, String payload, int maxRetries) {
        queue.addLast(new Invocation(function, source, payload, maxRetries, 0));
    }

    synchronized int pending() {
        return queue.size();
    }

    /** The oldest queued invocation, taken off the queue; null when none is queued. */
    synchronized Invocation next() {
        return queue.pollFirst();
    }

    /** Runs one attempt on the calling thread; returns its failure, or null when it succeeded. */
    static RuntimeException attempt(Invocation invocation) {
        try {
            invocation.function().invoke(invocation.payload());
            return null;
        } catch (RuntimeException e) {
            System.out.println("[local] " + invocation.function().functionName() + " failed (" + invocation.source()
                    + ", attempt " + (invocation.attempts() + 1) + "): " + rootMessage(e));
            return e;
        }
    }

    /** After an attempt: a failure goes to the back of the queue while retries are left, else to the dead letters. */
    void settle(Invocation invocation, RuntimeException failure) {
        if (failure == null) {
            return;
        }
        int attempt = invocation.attempts() + 1;
        if (attempt <= invocation.maxRetries()) {
            synchronized (this) {
                queue.addLast(new Invocation(invocation.function(), invocation.source(), invocation.payload(),
                        invocation.maxRetries(), attempt));
            }
        } else {
            deadLetters.add(new DeadLetters.DeadLetter(invocation.function().logicalId(), invocation.source(),
                    rootMessage(failure), attempt, parseOrText(invocation.payload()), clock.instant()));
        }
    }

    /** Runs what is queued now, one at a time on the calling thread (retries go to the back); true when any ran. */
    boolean processQueued() {
        int count = pending();
        for (int i = 0; i < count; i++) {
            Invocation invocation = next();
            if (invocation == null) {
                break;
            }
            settle(invocation, attempt(invocation));
        }
        return count > 0;
    }

    static String rootMessage(Throwable e) {
        Throwable cause = e;
        while (cause.getCause() != null && cause.getCause() != cause) {
            cause = cause.getCause();
        }
        return cause.getClass().getName() + (cause.getMessage() == null ? "" : ": " + cause.getMessage());
    }

    static com.fasterxml.jackson.databind.JsonNode parseOrText(String payload) {
        try {
            return Json.parse(payload);
        } catch (IllegalArgumentException notJson) {
            return Json.MAPPER.getNodeFactory().textNode(payload);
        }
    }
}
