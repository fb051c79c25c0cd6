package io.halqe.local;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Random;
import java.util.Set;

/**
 * Injected faults ({@code --faults dynamodb=0.1,ses=0.05,sns=0.05,events=0.05,timeout=0.02}): the share of the
 * functions' DynamoDB calls answered with a throttle or a 500 (the SDK retries them), of SES, SNS and EventBridge
 * calls answered 503, and of invocations that time out after doing their work (so they are retried, and every
 * handler must be idempotent). A fixed seed makes a run repeatable.
 */
public final class Faults {

    public static final Faults NONE = new Faults(Map.of(), 0);
    private static final Set<String> KINDS = Set.of("dynamodb", "ses", "sns", "events", "timeout");

    private final Map<String, Double> rates;
    private final Random random;

    private Faults(Map<String, Double> rates, long seed) {
        this.rates = Map.copyOf(rates);
        this.random = new Random(seed);
    }

    /** {@code kind=rate,…}, each rate from 0 to 1. */
    public static Faults parse(String spec, long seed) {
        Map<String, Double> rates = new LinkedHashMap<>();
        for (String part : spec.split(",")) {
            String[] pair = part.strip().split("=", 2);
            if (pair.length != 2 || !KINDS.contains(pair[0])) {
                throw new IllegalArgumentException("--faults takes kind=rate pairs of " + KINDS + ", not " + part);
            }
            double rate = Double.parseDouble(pair[1]);
            if (rate < 0 || rate > 1) {
                throw new IllegalArgumentException("a fault rate is from 0 to 1, not " + pair[1]);
            }
            rates.put(pair[0], rate);
        }
        return new Faults(rates, seed);
    }

    public double rate(String kind) {
        return rates.getOrDefault(kind, 0.0);
    }

    /** Whether this call of {@code kind} fails. */
    public synchronized boolean strike(String kind) {
        double rate = rate(kind);
        return rate > 0 && random.nextDouble() < rate;
    }

    /** A fair coin from the same seeded sequence (which kind of fault to give). */
    public synchronized boolean coin() {
        return random.nextBoolean();
    }

    public boolean any() {
        return rates.values().stream().anyMatch(rate -> rate > 0);
    }

    @Override
    public String toString() {
        return rates.toString();
    }
}
