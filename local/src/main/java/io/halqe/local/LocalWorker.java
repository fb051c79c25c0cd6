package io.halqe.local;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The cloud's background work: due schedules, stream batches and queued asynchronous invocations (bus targets,
 * retries). One coordinator thread decides what runs and keeps the books (shard positions, lanes, retries); a
 * bounded pool runs the invocations themselves, as many at once as Lambda would allow: one batch per shard lane, and
 * asynchronous invocations side by side. Schedules fire on the coordinator, one after the other.
 * <p>Drains and clock moves run on the coordinator too, and a drain returns only once nothing is queued, readable
 * or running, so a test's {@code drain()} never races a background pass and the clock never moves while an
 * invocation runs.
 */
final class LocalWorker implements AutoCloseable {

    /** Work the coordinator hands to the pool: {@link #run} there, then {@link #settle} back on the coordinator. */
    interface Job {
        void run();

        void settle();
    }

    private static final int MAX_ROUNDS = 1_000_000;
    private static final long WAIT_MILLIS = 50;

    private final LocalClock clock;
    private final LocalScheduler scheduler;
    private final List<StreamSubscription> subscriptions;
    private final AsyncInvocations invocations;
    private final int threads;
    private final ScheduledExecutorService coordinator;
    private final ExecutorService pool;
    private final BlockingQueue<Job> finished = new LinkedBlockingQueue<>();
    private volatile Thread thread;
    // the coordinator's alone
    private int running;
    private int asyncRunning;
    /** {@link DynamoDbMeter#writes()} when the streams were last read through with nothing running. */
    private long writesReadThrough = -1;

    LocalWorker(LocalClock clock, LocalScheduler scheduler, List<StreamSubscription> subscriptions,
                AsyncInvocations invocations, int threads) {
        if (threads < 1) {
            throw new IllegalArgumentException("the worker needs at least one thread, not " + threads);
        }
        this.clock = clock;
        this.scheduler = scheduler;
        this.subscriptions = List.copyOf(subscriptions);
        this.invocations = invocations;
        this.threads = threads;
        this.coordinator = Executors.newSingleThreadScheduledExecutor(runnable -> {
            Thread worker = daemon(runnable, "halqe-local-worker");
            thread = worker;
            return worker;
        });
        AtomicInteger count = new AtomicInteger();
        ThreadFactory poolThreads = runnable -> daemon(runnable, "halqe-local-pool-" + count.incrementAndGet());
        this.pool = Executors.newFixedThreadPool(threads, poolThreads);
    }

    /**
     * A worker thread inherits nothing from the thread that happened to start it (an invocation's, perhaps): the
     * function an invocation's usage is charged to ({@link Usage#current}) passes only to the threads a function
     * starts for itself.
     */
    private static Thread daemon(Runnable runnable, String name) {
        return Thread.ofPlatform().name(name).daemon(true).inheritInheritableThreadLocals(false).unstarted(runnable);
    }

    /** Drains every 250 ms without being asked, as AWS would process streams, events and schedules. */
    void startBackgroundPasses() {
        coordinator.scheduleWithFixedDelay(this::backgroundPass, 250, 250, TimeUnit.MILLISECONDS);
    }

    /** Returns once streams, bus and due schedules have no pending work and nothing runs. */
    void drain() {
        onCoordinator(() -> {
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
        return onCoordinator(() -> {
            Instant target = clock.instant().plus(duration);
            int fired = drainNow();
            while (true) {
                Optional<LocalScheduler.Schedule> due = scheduler.earliestDue(target);
                if (due.isEmpty()) {
                    break;
                }
                // drainNow returned with nothing running: the clock moves under no invocation
                clock.moveTo(due.get().next());
                scheduler.fire(due.get(), false);
                fired++;
                // most firings of a sweep write nothing: then no stream has a record to read
                fired += drainNow(true);
            }
            clock.moveTo(target);
            fired += drainNow();
            System.out.println("[local] clock moved " + duration + " to " + clock.instant() + ": " + fired
                    + " schedule firing(s)");
            return new LocalCloud.ClockAdvance(clock.instant(), fired);
        });
    }

    /** Runs the work on the coordinator and waits for it; on the coordinator itself, at once (waiting would deadlock). */
    private <T> T onCoordinator(Callable<T> work) {
        if (Thread.currentThread() == thread) {
            try {
                return work.call();
            } catch (Exception e) {
                throw e instanceof RuntimeException runtime ? runtime : new IllegalStateException(e);
            }
        }
        try {
            return coordinator.submit(work).get();
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

    /**
     * On the coordinator: fires due schedules, reads the streams, hands every ready batch and queued invocation to the
     * pool and settles what finishes, until a round finds nothing to do with nothing running. Returns how many
     * schedules fired. What is running when it fails (a stream read throws) stays counted and is settled next time.
     */
    private int drainNow() {
        return drainNow(false);
    }

    /**
     * {@code skipUnwritten}: with nothing running and no DynamoDB write in this JVM since the streams were last read
     * through, they are not read again (between the firings of a clock move; every other drain reads them).
     */
    private int drainNow(boolean skipUnwritten) {
        int fired = 0;
        for (int round = 0; round < MAX_ROUNDS; round++) {
            boolean worked = false;
            Optional<LocalScheduler.Schedule> due;
            while ((due = scheduler.earliestDue(clock.instant())).isPresent()) {
                scheduler.fire(due.get(), true);
                fired++;
                worked = true;
            }
            long now = System.nanoTime();
            boolean idle = running == 0;
            long writes = DynamoDbMeter.writes();
            boolean unwritten = skipUnwritten && idle && writes == writesReadThrough;
            for (StreamSubscription subscription : subscriptions) {
                worked |= !unwritten && subscription.read(now, idle);
                for (StreamBatch batch : subscription.batches()) {
                    start(batch);
                    worked = true;
                }
            }
            if (idle) {
                // every shard was read (or skipped with nothing written): records of writes before now are in
                writesReadThrough = writes;
            }
            AsyncInvocations.Invocation invocation;
            // a bounded share, so stream batches find a free thread soon
            while (asyncRunning < threads && (invocation = invocations.next()) != null) {
                asyncRunning++;
                start(new AsyncJob(invocation));
                worked = true;
            }
            if (!worked && running == 0) {
                return fired;
            }
            if (running > 0) {
                settleFinished();
            }
        }
        throw new IllegalStateException("drain did not settle after " + MAX_ROUNDS + " rounds");
    }

    private void start(Job job) {
        running++;
        pool.execute(() -> {
            try {
                job.run();
            } catch (Throwable t) {
                System.out.println("[local] background invocation failed: " + AsyncInvocations.rootMessage(t));
            } finally {
                finished.add(job);
            }
        });
    }

    /** Waits a little for a job to finish, then settles every finished one. */
    private void settleFinished() {
        Job job;
        try {
            job = finished.poll(WAIT_MILLIS, TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
        while (job != null) {
            running--;
            if (job instanceof AsyncJob) {
                asyncRunning--;
            }
            job.settle();
            job = finished.poll();
        }
    }

    /** One attempt of a queued asynchronous invocation. */
    private final class AsyncJob implements Job {
        private final AsyncInvocations.Invocation invocation;
        private boolean ran;
        private RuntimeException failure;

        AsyncJob(AsyncInvocations.Invocation invocation) {
            this.invocation = invocation;
        }

        @Override
        public void run() {
            failure = AsyncInvocations.attempt(invocation);
            ran = true;
        }

        @Override
        public void settle() {
            invocations.settle(invocation, ran ? failure : new IllegalStateException("the invocation did not run"));
        }
    }

    @Override
    public void close() {
        coordinator.shutdownNow();
        pool.shutdownNow();
    }
}
