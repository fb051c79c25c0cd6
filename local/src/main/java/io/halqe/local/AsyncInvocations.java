package io.halqe.local;

import java.time.Clock;
import java.util.ArrayDeque;
import java.util.Deque;

/**
 * Lambda's asynchronous invocations (EventBridge rules, schedules): queued, invoked by the worker, a failed one is
 * retried up to its maximum, then goes to the dead letters.
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

    private synchronized Invocation next() {
        return queue.pollFirst();
    }

    private synchronized void retry(Invocation invocation) {
        queue.addLast(invocation);
    }

    /** Invokes what is queued now (retries go to the back); true when anything ran. */
    boolean processQueued() {
        int count = pending();
        for (int i = 0; i < count; i++) {
            Invocation invocation = next();
            if (invocation == null) {
                break;
            }
            int attempt = invocation.attempts() + 1;
            try {
                invocation.function().invoke(invocation.payload());
            } catch (RuntimeException e) {
                System.out.println("[local] " + invocation.function().functionName() + " failed (" + invocation.source()
                        + ", attempt " + attempt + "): " + rootMessage(e));
                if (attempt <= invocation.maxRetries()) {
                    retry(new Invocation(invocation.function(), invocation.source(), invocation.payload(),
                            invocation.maxRetries(), attempt));
                } else {
                    deadLetters.add(new DeadLetters.DeadLetter(invocation.function().logicalId(), invocation.source(),
                            rootMessage(e), attempt, parseOrText(invocation.payload()), clock.instant()));
                }
            }
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
