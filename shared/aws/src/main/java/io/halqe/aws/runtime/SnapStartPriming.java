package io.halqe.aws.runtime;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.crac.Context;
import org.crac.Core;
import org.crac.Resource;

/**
 * Work a function does once before SnapStart takes its snapshot, so the classes and code paths of a first
 * invocation (the event read with our mapper, the answer written, the analyzer's lexicons) are loaded and in the
 * snapshot rather than paid for after every restore. Priming touches nothing unique to one environment: no random
 * values, no connections, no time kept. On a JVM without CRaC (locally, in tests) the hook never runs.
 */
public final class SnapStartPriming implements Resource {

    /** CRaC holds resources weakly: these keep them alive for the JVM's life. */
    private static final List<SnapStartPriming> REGISTERED = new CopyOnWriteArrayList<>();

    private final String function;
    private final Runnable priming;

    private SnapStartPriming(String function, Runnable priming) {
        this.function = function;
        this.priming = priming;
    }

    /** Registered with the JVM's global CRaC context: the runtime calls it once, before taking the snapshot. */
    public static SnapStartPriming register(String function, Runnable priming) {
        SnapStartPriming resource = new SnapStartPriming(function, priming);
        REGISTERED.add(resource);
        Core.getGlobalContext().register(resource);
        return resource;
    }

    @Override
    public void beforeCheckpoint(Context<? extends Resource> context) {
        try {
            priming.run();
        } catch (RuntimeException | LinkageError failed) {
            // a snapshot without priming is only slower; one that failed to be taken would stop the deployment
            System.err.println("{\"level\":\"WARN\",\"function\":\"" + function
                    + "\",\"message\":\"priming before the snapshot failed: " + failed.getClass().getName() + "\"}");
        }
    }

    @Override
    public void afterRestore(Context<? extends Resource> context) {
        // nothing kept needs renewing: priming holds no connection, clock or random state
    }
}
