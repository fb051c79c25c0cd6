package io.halqe.domain.core;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * Independent writes of one batch, a few at a time: a batch's round trips overlap instead of queueing one behind
 * another. Every task runs to its end whatever the others do; the first failure (in the tasks' order) is thrown
 * after, so a retried batch repeats only idempotent work and no item's failure stops another.
 * The threads are made per call, never at init: nothing of them is in a SnapStart snapshot.
 */
public final class Concurrently {

    private Concurrently() {
    }

    /** Runs every task, at most {@code atOnce} at a time (one: in turn, on this thread). */
    public static void runAll(List<Runnable> tasks, int atOnce) {
        RuntimeException first = null;
        if (atOnce <= 1 || tasks.size() <= 1) {
            for (Runnable task : tasks) {
                first = runOne(task, first);
            }
        } else {
            List<Callable<RuntimeException>> calls = new ArrayList<>(tasks.size());
            tasks.forEach(task -> calls.add(() -> runOne(task, null)));
            try (ExecutorService pool = Executors.newFixedThreadPool(Math.min(atOnce, tasks.size()))) {
                for (Future<RuntimeException> done : pool.invokeAll(calls)) {
                    first = first != null ? first : done.get();
                }
            } catch (InterruptedException interrupted) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted while writing a batch", interrupted);
            } catch (ExecutionException cannotHappen) {
                // each task returns its failure rather than throwing it
                throw new IllegalStateException(cannotHappen.getCause());
            }
        }
        if (first != null) {
            throw first;
        }
    }

    private static RuntimeException runOne(Runnable task, RuntimeException failedBefore) {
        try {
            task.run();
            return failedBefore;
        } catch (RuntimeException failure) {
            return failedBefore != null ? failedBefore : failure;
        }
    }
}
