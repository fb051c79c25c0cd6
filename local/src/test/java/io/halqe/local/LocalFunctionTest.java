package io.halqe.local;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.events.ScheduledEvent;
import io.halqe.aws.runtime.LambdaEnvironment;
import java.lang.reflect.Type;
import java.time.Duration;
import java.util.Map;
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

    public static class NoDefaultConstructor implements RequestHandler<String, String> {
        public NoDefaultConstructor(String unused) {
        }

        @Override
        public String handleRequest(String input, Context context) {
            return input;
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
