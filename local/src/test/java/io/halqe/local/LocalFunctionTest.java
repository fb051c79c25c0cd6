package io.halqe.local;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.events.ScheduledEvent;
import io.halqe.aws.runtime.LambdaEnvironment;
import java.lang.reflect.Type;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;

/** Handlers loaded and invoked the way the Java runtime does. */
class LocalFunctionTest {

    /** A generic base, as a handler family might have. */
    public abstract static class Base<I, O> implements RequestHandler<I, O> {
    }

    public static class Concrete extends Base<ScheduledEvent, String> {
        private final String stage = LambdaEnvironment.current().require("HALQE_STAGE");

        @Override
        public String handleRequest(ScheduledEvent event, Context context) {
            return stage + ":" + event.getDetailType() + ":" + context.getFunctionName();
        }
    }

    /** Fails when one instance is entered by two invocations at once; answers its own identity. */
    public static class OneAtATime implements RequestHandler<String, String> {
        private final AtomicBoolean busy = new AtomicBoolean();
        private final String stage = LambdaEnvironment.current().require("HALQE_STAGE");

        @Override
        public String handleRequest(String input, Context context) {
            if (!busy.compareAndSet(false, true)) {
                throw new IllegalStateException("two invocations in one instance");
            }
            try {
                Thread.sleep(100);
                return stage + "@" + System.identityHashCode(this);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            } finally {
                busy.set(false);
            }
        }
    }

    private static List<String> invokeAtOnce(LocalFunction function, int count) throws Exception {
        try (ExecutorService callers = Executors.newFixedThreadPool(count)) {
            List<Future<String>> outputs = new ArrayList<>();
            for (int i = 0; i < count; i++) {
                outputs.add(callers.submit(() -> function.invoke("\"event\"")));
            }
            List<String> results = new ArrayList<>();
            for (Future<String> output : outputs) {
                results.add(output.get());
            }
            return results;
        }
    }

    public static class NoDefaultConstructor implements RequestHandler<String, String> {
        public NoDefaultConstructor(String unused) {
        }

        @Override
        public String handleRequest(String input, Context context) {
            return input;
        }
    }

    @Test
    void invoke_shouldFailAsLambdaDoes_whenTheRequestOrTheResponsePassesSixMegabytes() {
        // GIVEN a function that answers with as many characters as its event asks for
        LocalFunction function = LocalFunction.of("F", new Sized());
        // WHEN it answers just inside the limit, then just past it, and is sent an event past it
        String inside = function.invoke("{\"size\":" + (LocalFunction.MAX_PAYLOAD_BYTES - 2) + "}");
        // THEN the first is answered, the others fail with Lambda's messages
        assertThat(inside).hasSize(LocalFunction.MAX_PAYLOAD_BYTES);
        assertThatThrownBy(() -> function.invoke("{\"size\":" + LocalFunction.MAX_PAYLOAD_BYTES + "}"))
                .isInstanceOf(LocalFunction.InvocationException.class)
                .hasRootCauseMessage("Response payload size exceeded maximum allowed payload size (6291456 bytes).");
        assertThatThrownBy(() -> function.invoke("{\"size\":1,\"pad\":\"" + "y".repeat(LocalFunction.MAX_PAYLOAD_BYTES) + "\"}"))
                .isInstanceOf(LocalFunction.InvocationException.class)
                .hasRootCauseMessage("Request must be smaller than 6291456 bytes for the InvokeFunction operation");
    }

    /** Answers with as many characters as its event's {@code size}. */
    public static final class Sized implements RequestHandler<Map<String, Object>, String> {
        @Override
        public String handleRequest(Map<String, Object> event, Context context) {
            return "x".repeat(((Number) event.get("size")).intValue());
        }
    }

    @Test
    void requestHandlerTypes_shouldFindTheEventType_whenItIsBoundInASubclass() {
        // GIVEN a handler whose types come through a generic base class
        // WHEN its RequestHandler types are looked up
        Type[] types = LocalFunction.requestHandlerTypes(Concrete.class);
        // THEN the concrete types are found
        assertThat(types).containsExactly(ScheduledEvent.class, String.class);
    }

    @Test
    void create_shouldConstructWithTheEnvironmentAndInvokeWithTypedEvents_whenGivenAHandlerSpec() {
        // GIVEN a handler spec and its environment
        LocalFunction function = LocalFunction.create("F", "halqe-local-F", Concrete.class.getName() + "::handleRequest",
                Map.of("HALQE_STAGE", "dev"), Duration.ofSeconds(3), 128, getClass().getClassLoader());
        // WHEN it is invoked with an EventBridge envelope
        String output = function.invoke("{\"version\":\"0\",\"id\":\"1\",\"detail-type\":\"Tick\",\"source\":\"s\","
                + "\"account\":\"000000000000\",\"time\":\"2026-01-01T00:00:00Z\",\"region\":\"us-east-1\",\"resources\":[],\"detail\":{}}");
        // THEN the typed event and the environment reached the handler, and the output is JSON
        assertThat(output).isEqualTo("\"dev:Tick:halqe-local-F\"");
    }

    @Test
    void invoke_shouldRunEachInvocationInAnEnvironmentOfItsOwn_whenSeveralRunAtOnce() throws Exception {
        // GIVEN a function whose handler instance must never run two invocations at once
        LocalFunction function = LocalFunction.create("F", "halqe-local-F", OneAtATime.class.getName(),
                Map.of("HALQE_STAGE", "dev"), Duration.ofSeconds(3), 128, getClass().getClassLoader());
        // WHEN four invocations run at once, then four more
        List<String> first = invokeAtOnce(function, 4);
        List<String> second = invokeAtOnce(function, 4);
        // THEN each ran in an instance of its own, built with the environment, and the instances were reused
        assertThat(first).allSatisfy(output -> assertThat(output).startsWith("\"dev@"));
        assertThat(first).doesNotHaveDuplicates();
        assertThat(second).doesNotHaveDuplicates();
        assertThat(function.environments()).isEqualTo(4);
    }

    @Test
    void invoke_shouldRunOneAtATime_whenTheFunctionWrapsOneHandlerObject() throws Exception {
        // GIVEN a function around one handler object (as tests build them)
        LocalFunction function = LambdaEnvironment.with(Map.of("HALQE_STAGE", "dev"),
                () -> LocalFunction.of("F", new OneAtATime()));
        // WHEN three invocations are made at once
        List<String> outputs = invokeAtOnce(function, 3);
        // THEN they took turns in that one instance
        assertThat(outputs).hasSize(3).containsOnly(outputs.get(0));
        assertThat(function.environments()).isEqualTo(1);
    }

    @Test
    void create_shouldExplain_whenTheHandlerCannotBeConstructed() {
        // GIVEN handler specs that cannot work
        // WHEN they are created
        // THEN the message says why
        assertThatThrownBy(() -> LocalFunction.create("F", "f", "no.such.Handler::handleRequest", Map.of(),
                Duration.ofSeconds(3), 128, getClass().getClassLoader())).hasMessageContaining("not on the classpath");
        assertThatThrownBy(() -> LocalFunction.create("F", "f", NoDefaultConstructor.class.getName(), Map.of(),
                Duration.ofSeconds(3), 128, getClass().getClassLoader())).hasMessageContaining("no-arg constructor");
    }
}
