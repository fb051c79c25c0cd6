package io.halqe.local;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * The one thread that does the cloud's background work: due schedules, stream polls and queued asynchronous
 * invocations (bus targets, retries). Drains and clock moves run on it too, so a test's {@code drain()} never races
 * a background pass and the clock never moves under a running pass.
 */
final class LocalWorker implements AutoCloseable {

    private static final int MAX_PASSES = 100_000;

    private final LocalClock clock;
    private final LocalScheduler scheduler;
    private final List<StreamSubscription> subscriptions;
    private final AsyncInvocations invocations;
    private final ScheduledExecutorService executor;
    private volatile Thread thread;

    LocalWorker(LocalClock clock, LocalScheduler scheduler, List<StreamSubscription> subscriptions,
                AsyncInvocations invocations) {
        this.clock = clock;
        this.scheduler = scheduler;
        this.subscriptions = List.copyOf(subscriptions);
        this.invocations = invocations;
        this.executor = Executors.newSingleThreadScheduledExecutor(runnable -> {
            Thread worker = new Thread(runnable, "halqe-local-worker");
            worker.setDaemon(true);
            thread = worker;
            return worker;
        });
    }

    /** Drains every 250 ms without being asked, as AWS would process streams, events and schedules. */
    void startBackgroundPasses() {
        executor.scheduleWithFixedDelay(this::backgroundPass, 250, 250, TimeUnit.MILLISECONDS);
    }

    /** Returns once streams, bus and due schedules have no pending work. */
    void drain() {
        onWorker(() -> {
            drainNow();
            return null;
        });
    }

    /**
     * Moves the clock forward; every schedule firing that falls due in between happens in time order (the clock
     * reads the firing time meanwhile), each followed by a drain.
     */
    LocalCloud.ClockAdvance advanceClock(Duration duration) {
        if (duration.isNegative()) {
            throw new IllegalArgumentException("the local clock only moves forward: " + duration);
        }
        return onWorker(() -> {
            Instant target = clock.instant().plus(duration);
            int fired = drainNow();
            while (true) {
                Optional<LocalScheduler.Schedule> due = scheduler.earliestDue(target);
                if (due.isEmpty()) {
                    break;
                }
                clock.moveTo(due.get().next());
                scheduler.fire(due.get(), false);
                fired++;
                fired += drainNow();
            }
            clock.moveTo(target);
            fired += drainNow();
            System.out.println("[local] clock moved " + duration + " to " + clock.instant() + ": " + fired
                    + " schedule firing(s)");
            return new LocalCloud.ClockAdvance(clock.instant(), fired);
        });
    }

    /** Runs the work on the worker thread and waits for it; called on the worker itself, at once (waiting would deadlock). */
    private <T> T onWorker(Callable<T> work) {
        if (Thread.currentThread() == thread) {
            try {
                return work.call();
            } catch (Exception e) {
                throw e instanceof RuntimeException runtime ? runtime : new IllegalStateException(e);
            }
        }
        try {
            return executor.submit(work).get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        } catch (ExecutionException e) {
            throw e.getCause() instanceof RuntimeException runtime ? runtime : new IllegalStateException(e.getCause());
        }
    }

    private void backgroundPass() {
        try {
            drainNow();
        } catch (Throwable t) {
            System.out.println("[local] background work failed: " + AsyncInvocations.rootMessage(t));
        }
    }

    /** On the worker: repeat until a full pass does nothing. Returns how many schedules fired. */
    private int drainNow() {
        int fired = 0;
        for (int pass = 0; pass < MAX_PASSES; pass++) {
            boolean worked = false;
            Optional<LocalScheduler.Schedule> due;
            while ((due = scheduler.earliestDue(clock.instant())).isPresent()) {
                scheduler.fire(due.get(), true);
                fired++;
                worked = true;
            }
            for (StreamSubscription subscription : subscriptions) {
                worked |= subscription.poll();
            }
            worked |= invocations.processQueued();
            if (!worked) {
                return fired;
            }
        }
        throw new IllegalStateException("drain did not settle after " + MAX_PASSES + " passes");
    }

    @Override
    public void close() {
        executor.shutdownNow();
    }
}
