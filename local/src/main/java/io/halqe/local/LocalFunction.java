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
import java.util.Map;
import java.util.UUID;

/**
 * One function of the template: its handler, constructed once with the function's environment, invoked the way the
 * Java runtime does — the event JSON becomes the handler's input type through the runtime's own serializers, the
 * output goes back to JSON the same way. One invocation at a time, like one Lambda instance.
 */
public final class LocalFunction {

    /** The handler threw (or its output could not be serialized). */
    public static final class InvocationException extends RuntimeException {
        InvocationException(String message, Throwable cause) {
            super(message, cause);
        }
    }

    private final String logicalId;
    private final String functionName;
    private final Object handler;
    private final PojoSerializer<Object> input;
    private final PojoSerializer<Object> output;
    private final Duration timeout;
    private final int memoryMb;
    private final Map<String, String> environment;
    private volatile Faults faults = Faults.NONE;

    private LocalFunction(String logicalId, String functionName, Object handler, PojoSerializer<Object> input,
                          PojoSerializer<Object> output, Duration timeout, int memoryMb, Map<String, String> environment) {
        this.logicalId = logicalId;
        this.functionName = functionName;
        this.handler = handler;
        this.input = input;
        this.output = output;
        this.timeout = timeout;
        this.memoryMb = memoryMb;
        this.environment = Map.copyOf(environment);
    }

    /**
     * Loads the handler class ({@code pkg.Class} or {@code pkg.Class::method}) and constructs it with its no-arg
     * constructor inside {@link LambdaEnvironment#with}, so it reads {@code environment} as its configuration.
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
        Object handler = LambdaEnvironment.with(environment, () -> construct(logicalId, type));
        if (handler instanceof RequestStreamHandler) {
            return new LocalFunction(logicalId, functionName, handler, null, null, timeout, memoryMb, environment);
        }
        if (!(handler instanceof RequestHandler<?, ?>)) {
            throw new IllegalStateException(logicalId + ": " + className
                    + " implements neither RequestHandler nor RequestStreamHandler");
        }
        Type[] types = requestHandlerTypes(type);
        return new LocalFunction(logicalId, functionName, handler, serializer(types[0], loader),
                serializer(types[1], loader), timeout, memoryMb, environment);
    }

    /** Wraps a handler object built elsewhere (tests). */
    public static LocalFunction of(String logicalId, Object handler) {
        ClassLoader loader = handler.getClass().getClassLoader();
        if (handler instanceof RequestStreamHandler) {
            return new LocalFunction(logicalId, logicalId, handler, null, null, Duration.ofSeconds(30), 1024, Map.of());
        }
        Type[] types = requestHandlerTypes(handler.getClass());
        return new LocalFunction(logicalId, logicalId, handler, serializer(types[0], loader),
                serializer(types[1], loader), Duration.ofSeconds(30), 1024, Map.of());
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

    public String logicalId() {
        return logicalId;
    }

    public String functionName() {
        return functionName;
    }

    public Object handler() {
        return handler;
    }

    /** The variables it was constructed with, as Lambda would set them (the cold-start benchmark's child JVMs get them). */
    public Map<String, String> environment() {
        return environment;
    }

    public int memoryMb() {
        return memoryMb;
    }

    /** Invokes the handler with an event (JSON) and returns its output (JSON; {@code null} output is "null"). */
    public synchronized String invoke(String eventJson) {
        String output = run(eventJson);
        if (faults.strike("timeout")) {
            throw new InvocationException(functionName + " timed out after doing its work (injected fault)",
                    new java.util.concurrent.TimeoutException("Task timed out after " + timeout.toSeconds() + " seconds"));
        }
        return output;
    }

    @SuppressWarnings({"unchecked", "rawtypes"})
    private String run(String eventJson) {
        String requestId = UUID.randomUUID().toString();
        LocalLambdaContext context = new LocalLambdaContext(functionName, requestId, timeout, memoryMb);
        try {
            if (handler instanceof RequestStreamHandler streamHandler) {
                ByteArrayOutputStream out = new ByteArrayOutputStream();
                streamHandler.handleRequest(new ByteArrayInputStream(eventJson.getBytes(StandardCharsets.UTF_8)), out, context);
                return out.size() == 0 ? "null" : out.toString(StandardCharsets.UTF_8);
            }
            Object event = input.fromJson(eventJson);
            Object result = ((RequestHandler) handler).handleRequest(event, context);
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            output.toJson(result, out);
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
        return logicalId + "(" + handler.getClass().getName() + ")";
    }
}
