package io.halqe.aws.runtime;

import io.halqe.domain.config.Env;
import java.util.Map;
import java.util.function.Supplier;

/**
 * The environment a handler's no-arg constructor reads. On Lambda it is the process environment; the local cloud
 * runs every function in one JVM, so it constructs each handler inside {@link #with} with the variables
 * template.yaml gives that function.
 */
public final class LambdaEnvironment {

    private static final ThreadLocal<Map<String, String>> CONSTRUCTING = new ThreadLocal<>();

    private LambdaEnvironment() {
    }

    public static Env current() {
        Map<String, String> overlay = CONSTRUCTING.get();
        return new Env(overlay != null ? overlay : System.getenv());
    }

    public static <T> T with(Map<String, String> variables, Supplier<T> construction) {
        Map<String, String> previous = CONSTRUCTING.get();
        CONSTRUCTING.set(Map.copyOf(variables));
        try {
            return construction.get();
        } finally {
            if (previous == null) {
                CONSTRUCTING.remove();
            } else {
                CONSTRUCTING.set(previous);
            }
        }
    }
}
