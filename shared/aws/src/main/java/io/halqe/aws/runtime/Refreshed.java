package io.halqe.aws.runtime;

import java.time.Duration;
import java.util.function.Supplier;

/** A value read again only when the last read is older than {@code freshness}: per-event lookups cost no read. */
public final class Refreshed<T> implements Supplier<T> {

    private final Duration freshness;
    private final Supplier<T> read;
    private T value;
    private long readAtNanos;

    private Refreshed(Duration freshness, Supplier<T> read) {
        this.freshness = freshness;
        this.read = read;
    }

    public static <T> Refreshed<T> every(Duration freshness, Supplier<T> read) {
        return new Refreshed<>(freshness, read);
    }

    @Override
    public synchronized T get() {
        if (value == null || System.nanoTime() - readAtNanos > freshness.toNanos()) {
            value = read.get();
            readAtNanos = System.nanoTime();
        }
        return value;
    }
}
