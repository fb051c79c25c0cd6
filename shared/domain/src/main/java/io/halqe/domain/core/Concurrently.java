package io.halqe.domain.core;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Supplier;

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
        List<Supplier<Void>> suppliers = new ArrayList<>(tasks.size());
        tasks.forEach(task -> suppliers.add(() -> {
            task.run();
            return null;
        }));
        getAll(suppliers, atOnce);
    }

    /** Every task's value, in the tasks' order, at most {@code atOnce} computed at a time (one: in turn, here). */
    public static <T> List<T> getAll(List<Supplier<T>> tasks, int atOnce) {
        List<Outcome<T>> outcomes = new ArrayList<>(tasks.size());
        if (atOnce <= 1 || tasks.size() <= 1) {
            tasks.forEach(task -> outcomes.add(Outcome.of(task)));
        } else {
            List<Callable<Outcome<T>>> calls = new ArrayList<>(tasks.size());
            tasks.forEach(task -> calls.add(() -> Outcome.of(task)));
            try (ExecutorService pool = Executors.newFixedThreadPool(Math.min(atOnce, tasks.size()))) {
                for (Future<Outcome<T>> done : pool.invokeAll(calls)) {
                    outcomes.add(done.get());
                }
            } catch (InterruptedException interrupted) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted while writing a batch", interrupted);
            } catch (ExecutionException cannotHappen) {
                // each task's outcome holds its failure rather than throwing it
                throw new IllegalStateException(cannotHappen.getCause());
            }
        }
        List<T> values = new ArrayList<>(outcomes.size());
        for (Outcome<T> outcome : outcomes) {
            if (outcome.failure() != null) {
                throw outcome.failure();
            }
            values.add(outcome.value());
        }
        return values;
    }

    /** What a task gave: its value, or why it failed. */
    private record Outcome<T>(T value, RuntimeException failure) {
        static <T> Outcome<T> of(Supplier<T> task) {
            try {
                return new Outcome<>(task.get(), null);
            } catch (RuntimeException failure) {
                return new Outcome<>(null, failure);
            }
        }
    }
}
