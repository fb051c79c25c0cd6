package io.halqe.local;

import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.RequestStreamHandler;
import com.amazonaws.services.lambda.runtime.serialization.PojoSerializer;
import com.amazonaws.services.lambda.runtime.serialization.events.LambdaEventSerializers;
import com.amazonaws.services.lambda.runtime.serialization.factories.JacksonFactory;
import io.halqe.aws.runtime.LambdaEnvironment;
import io.halqe.local.runtime.LocalLambdaContext;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.Type;
import java.lang.reflect.TypeVariable;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Deque;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentLinkedDeque;
import java.util.concurrent.Semaphore;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;

/**
 * One function of the template: its handler, constructed with the function's environment, invoked the way the Java
 * runtime does — the event JSON becomes the handler's input type through the runtime's own serializers, the output
 * goes back to JSON the same way. Like Lambda, concurrent invocations run in separate execution environments: each has
 * its own handler instance (and serializers), built when no idle one is left and kept for the next invocation, so a
 * handler instance never runs two invocations at once. A handler object given by a test is its one environment, and
 * its invocations wait for each other.
 */
public final class LocalFunction {

    /** A synchronous invocation's request and response, each (Lambda's quota, not adjustable). */
    public static final int MAX_PAYLOAD_BYTES = 6 * 1024 * 1024;

    /** The handler threw (or its output could not be serialized). */
    public static final class InvocationException extends RuntimeException {
        InvocationException(String message, Throwable cause) {
            super(message, cause);
        }
    }

    /** One execution environment: a handler instance and the serializers of its types (null for a stream handler). */
    private record Environment(Object handler, PojoSerializer<Object> input, PojoSerializer<Object> output) {
    }

    private final String logicalId;
    private final String functionName;
    /** Builds another environment; null when there is only the one given. */
    private final Supplier<Environment> newEnvironment;
    private final Deque<Environment> idle = new ConcurrentLinkedDeque<>();
    private final Semaphore onlyEnvironment;
    private final String handlerClass;
    private final Duration timeout;
    private final int memoryMb;
    private final AtomicInteger environmentsBuilt = new AtomicInteger(1);
    private final Map<String, String> variables;
    private volatile Faults faults = Faults.NONE;
    private volatile Usage usage;

    private LocalFunction(String logicalId, String functionName, Environment first, Supplier<Environment> newEnvironment,
                          Duration timeout, int memoryMb, Map<String, String> variables) {
        this.logicalId = logicalId;
        this.functionName = functionName;
        this.newEnvironment = newEnvironment;
        this.onlyEnvironment = newEnvironment == null ? new Semaphore(1) : null;
        this.handlerClass = first.handler().getClass().getName();
        this.timeout = timeout;
        this.memoryMb = memoryMb;
        this.variables = Map.copyOf(variables);
        idle.add(first);
    }

    /**
     * Loads the handler class ({@code pkg.Class} or {@code pkg.Class::method}) and constructs it with its no-arg
     * constructor inside {@link LambdaEnvironment#with}, so it reads {@code environment} as its configuration. The
     * first environment is built here, so a handler that cannot start fails the local cloud's start.
     */
    public static LocalFunction create(String logicalId, String functionName, String handlerSpec,
                                       Map<String, String> environment, Duration timeout, int memoryMb,
                                       ClassLoader loader) {
        String className = handlerSpec.contains("::") ? handlerSpec.substring(0, handlerSpec.indexOf("::")) : handlerSpec;
        Class<?> type;
        try {
            type = Class.forName(className, true, loader);
        } catch (ClassNotFoundException e) {
            throw new IllegalStateException(logicalId + ": handler class " + className + " is not on the classpath", e);
        }
        Map<String, String> variables = Map.copyOf(environment);
        Supplier<Environment> build = () -> environment(logicalId,
                LambdaEnvironment.with(variables, () -> construct(logicalId, type)), loader);
        return new LocalFunction(logicalId, functionName, build.get(), build, timeout, memoryMb, variables);
    }

    /** Wraps a handler object built elsewhere (tests): one environment, one invocation at a time. */
    public static LocalFunction of(String logicalId, Object handler) {
        return new LocalFunction(logicalId, logicalId, environment(logicalId, handler, handler.getClass().getClassLoader()),
                null, Duration.ofSeconds(30), 1024, Map.of());
    }

    private static Environment environment(String logicalId, Object handler, ClassLoader loader) {
        if (handler instanceof RequestStreamHandler) {
            return new Environment(handler, null, null);
        }
        if (!(handler instanceof RequestHandler<?, ?>)) {
            throw new IllegalStateException(logicalId + ": " + handler.getClass().getName()
                    + " implements neither RequestHandler nor RequestStreamHandler");
        }
        Type[] types = requestHandlerTypes(handler.getClass());
        return new Environment(handler, serializer(types[0], loader), serializer(types[1], loader));
    }

    private static Object construct(String logicalId, Class<?> type) {
        try {
            return type.getDeclaredConstructor().newInstance();
        } catch (InvocationTargetException e) {
            throw new IllegalStateException(logicalId + ": " + type.getName() + "() failed: " + e.getCause(), e.getCause());
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException(logicalId + ": " + type.getName() + " needs a public no-arg constructor", e);
        }
    }

    /** A share of invocations then time out after doing their work: the caller sees a failure and retries. */
    void injectTimeouts(Faults faults) {
        this.faults = faults;
    }

    /** Its invocations (and their DynamoDB units) are counted into {@code usage}. */
    void meterInto(Usage usage) {
        this.usage = usage;
    }

    public String logicalId() {
        return logicalId;
    }

    public String functionName() {
        return functionName;
    }

    /** How many execution environments exist (the most invocations that ran at once). */
    int environments() {
        return environmentsBuilt.get();
    }

    /** The variables it was constructed with, as Lambda would set them (the cold-start benchmark's child JVMs get them). */
    public Map<String, String> variables() {
        return variables;
    }

    public int memoryMb() {
        return memoryMb;
    }

    /** The template's Timeout, resolved (a condition may set it). */
    public Duration timeout() {
        return timeout;
    }

    /**
     * Invokes the handler with an event (JSON) and returns its output (JSON; {@code null} output is "null"), in an
     * idle execution environment or a new one.
     */
    public String invoke(String eventJson) {
        if (utf8Length(eventJson) > MAX_PAYLOAD_BYTES) {
            throw new InvocationException(functionName + ": request payload over Lambda's limit",
                    new IllegalArgumentException("Request must be smaller than " + MAX_PAYLOAD_BYTES
                            + " bytes for the InvokeFunction operation"));
        }
        Environment environment = acquire();
        String output;
        try {
            Usage metered = usage;
            output = metered == null ? run(environment, eventJson)
                    : metered.invocation(logicalId, memoryMb, () -> run(environment, eventJson));
        } finally {
            release(environment);
        }
        if (output != null && utf8Length(output) > MAX_PAYLOAD_BYTES) {
            throw new InvocationException(functionName + ": response payload over Lambda's limit",
                    new IllegalStateException("Response payload size exceeded maximum allowed payload size ("
                            + MAX_PAYLOAD_BYTES + " bytes)."));
        }
        if (faults.strike("timeout")) {
            throw new InvocationException(functionName + " timed out after doing its work (injected fault)",
                    new java.util.concurrent.TimeoutException("Task timed out after " + timeout.toSeconds() + " seconds"));
        }
        return output;
    }

    private static long utf8Length(String text) {
        // characters first: most payloads are far inside the limit, and counting bytes costs a pass
        if ((long) text.length() * 3 <= MAX_PAYLOAD_BYTES) {
            return text.length();
        }
        return text.getBytes(java.nio.charset.StandardCharsets.UTF_8).length;
    }

    private Environment acquire() {
        if (onlyEnvironment != null) {
            onlyEnvironment.acquireUninterruptibly();
            return idle.getFirst();
        }
        // the most recently used first: it is the warm one
        Environment environment = idle.pollFirst();
        if (environment != null) {
            return environment;
        }
        Environment built = newEnvironment.get();
        environmentsBuilt.incrementAndGet();
        return built;
    }

    private void release(Environment environment) {
        if (onlyEnvironment != null) {
            onlyEnvironment.release();
        } else {
            idle.offerFirst(environment);
        }
    }

    @SuppressWarnings({"unchecked", "rawtypes"})
    private String run(Environment environment, String eventJson) {
        String requestId = UUID.randomUUID().toString();
        LocalLambdaContext context = new LocalLambdaContext(functionName, requestId, timeout, memoryMb);
        try {
            if (environment.handler() instanceof RequestStreamHandler streamHandler) {
                ByteArrayOutputStream out = new ByteArrayOutputStream();
                streamHandler.handleRequest(new ByteArrayInputStream(eventJson.getBytes(StandardCharsets.UTF_8)), out, context);
                return out.size() == 0 ? "null" : out.toString(StandardCharsets.UTF_8);
            }
            Object event = environment.input().fromJson(eventJson);
            Object result = ((RequestHandler) environment.handler()).handleRequest(event, context);
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            environment.output().toJson(result, out);
            return out.size() == 0 ? "null" : out.toString(StandardCharsets.UTF_8);
        } catch (IOException | RuntimeException | Error e) {
            throw new InvocationException(functionName + " failed: " + e, e);
        }
    }

    /** The I and O of {@code RequestHandler<I, O>}, found through the class's (and its superclasses') interfaces. */
    static Type[] requestHandlerTypes(Class<?> type) {
        for (Class<?> current = type; current != null && current != Object.class; current = current.getSuperclass()) {
            for (Type candidate : current.getGenericInterfaces()) {
                if (candidate instanceof ParameterizedType parameterized
                        && parameterized.getRawType() == RequestHandler.class) {
                    return parameterized.getActualTypeArguments();
                }
            }
            Type superType = current.getGenericSuperclass();
            if (superType instanceof ParameterizedType parameterized
                    && parameterized.getRawType() instanceof Class<?> raw
                    && RequestHandler.class.isAssignableFrom(raw)) {
                // class Concrete extends Base<Event, Out> where Base<I, O> implements RequestHandler<I, O>
                Type[] base = requestHandlerTypes(raw);
                TypeVariable<?>[] variables = raw.getTypeParameters();
                Type[] actual = parameterized.getActualTypeArguments();
                for (int i = 0; i < base.length; i++) {
                    for (int v = 0; v < variables.length; v++) {
                        if (base[i].equals(variables[v])) {
                            base[i] = actual[v];
                        }
                    }
                }
                return base;
            }
        }
        return new Type[] {Object.class, Object.class};
    }

    @SuppressWarnings("unchecked")
    static PojoSerializer<Object> serializer(Type type, ClassLoader loader) {
        Class<?> raw = rawClass(type);
        if (raw == Object.class || type instanceof TypeVariable<?>) {
            return JacksonFactory.getInstance().getSerializer((Type) Object.class);
        }
        if (LambdaEventSerializers.isLambdaSupportedEvent(raw.getName())) {
            return (PojoSerializer<Object>) LambdaEventSerializers.serializerFor(raw, loader);
        }
        return JacksonFactory.getInstance().getSerializer(type);
    }

    private static Class<?> rawClass(Type type) {
        if (type instanceof Class<?> c) {
            return c;
        }
        if (type instanceof ParameterizedType parameterized && parameterized.getRawType() instanceof Class<?> c) {
            return c;
        }
        return Object.class;
    }

    @Override
    public String toString() {
        return logicalId + "(" + handlerClass + ")";
    }
}
