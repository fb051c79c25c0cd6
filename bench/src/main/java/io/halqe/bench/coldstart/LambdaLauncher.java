package io.halqe.bench.coldstart;

import com.amazonaws.services.lambda.runtime.ClientContext;
import com.amazonaws.services.lambda.runtime.CognitoIdentity;
import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.LambdaLogger;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.RequestStreamHandler;
import com.amazonaws.services.lambda.runtime.serialization.PojoSerializer;
import com.amazonaws.services.lambda.runtime.serialization.events.LambdaEventSerializers;
import com.amazonaws.services.lambda.runtime.serialization.factories.JacksonFactory;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.lang.management.ManagementFactory;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.Type;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The Lambda Java runtime's part in a child JVM of the cold-start benchmark ({@link ColdStart}): on the classpath
 * before the function's unpacked zip, with the runtime's serialization jar, it loads the handler by name, constructs
 * it, and invokes it the way the runtime does (stream handlers get the bytes; typed handlers get the event
 * deserialized by aws-lambda-java-serialization, their output serialized back). It reads no Jackson of its own, so
 * a floor zip without Jackson runs the same way. Results go to stdout as lines starting with {@link #TAG}.
 * <pre>
 *   cold &lt;handler class&gt; &lt;event file&gt; &lt;seq&gt;      init + first invocation, once
 *   warm &lt;warm-ups&gt; &lt;measured&gt; &lt;class A&gt; &lt;event A&gt; &lt;class B&gt; &lt;event B&gt;   A and B alternately, in one JVM
 *   invoke &lt;handler class&gt; &lt;seq&gt; &lt;event file&gt;...   init, then each event in turn (ZipsWorkIT)
 * </pre>
 * {@code @SEQ@} in an event becomes a number unique to that invocation (idempotency keys, source addresses).
 */
public final class LambdaLauncher {

    public static final String TAG = "@@bench ";

    /** The running invocation's deadline: 30 s (the template's Timeout) after it began, as Lambda's context tells it. */
    private static long deadline;

    private final Object handler;
    private final PojoSerializer<Object> input;
    private final PojoSerializer<Object> output;

    private LambdaLauncher(Object handler, PojoSerializer<Object> input, PojoSerializer<Object> output) {
        this.handler = handler;
        this.input = input;
        this.output = output;
    }

    public static void main(String[] args) throws Exception {
        long mainNanos = System.nanoTime();
        long mainMillis = System.currentTimeMillis();
        if (args[0].equals("cold")) {
            LambdaLauncher function = load(args[1]);
            long initNanos = System.nanoTime() - mainNanos;
            String event = Files.readString(Path.of(args[2])).replace("@SEQ@", args[3]);
            long invokeStart = System.nanoTime();
            String result = function.invoke(event);
            long invokeNanos = System.nanoTime() - invokeStart;
            long endMillis = System.currentTimeMillis();
            // after the end: the management classes are not the function's cost
            long vmStartMillis = ManagementFactory.getRuntimeMXBean().getStartTime();
            long cpuNanos = ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean())
                    .getProcessCpuTime();
            System.out.println(TAG + "cold " + vmStartMillis + " " + mainMillis + " " + initNanos + " " + invokeNanos
                    + " " + endMillis + " " + cpuNanos);
            System.out.println(TAG + "output " + result.replace('\n', ' '));
        } else if (args[0].equals("invoke")) {
            LambdaLauncher function = load(args[1]);
            for (int i = 3; i < args.length; i++) {
                // named before it runs: a child that dies mid-invocation says which event it was on
                System.out.println(TAG + "invoking " + args[i]);
                String result = function.invoke(Files.readString(Path.of(args[i])).replace("@SEQ@", args[2]));
                System.out.println(TAG + "result " + result.replace('\n', ' '));
            }
        } else {
            warm(Integer.parseInt(args[1]), Integer.parseInt(args[2]), load(args[3]), Files.readString(Path.of(args[4])),
                    load(args[5]), Files.readString(Path.of(args[6])));
        }
        System.out.flush();
        // the SDK's and the functions' non-daemon threads must not keep the sample alive
        System.exit(0);
    }

    /** Alternates A and B (A first on even turns), so drift on a shared machine falls on both alike. */
    private static void warm(int warmUps, int measured, LambdaLauncher a, String eventA, LambdaLauncher b, String eventB) {
        StringBuilder timesA = new StringBuilder();
        StringBuilder timesB = new StringBuilder();
        for (int i = 0; i < warmUps + measured; i++) {
            // a number of its own for each invocation: when A and B are one handler, B must not replay A's request
            String seqA = String.format("%012d", 1_000_000 + 2L * i);
            String seqB = String.format("%012d", 1_000_001 + 2L * i);
            long first;
            long second;
            if (i % 2 == 0) {
                first = timed(a, eventA, seqA);
                second = timed(b, eventB, seqB);
            } else {
                second = timed(b, eventB, seqB);
                first = timed(a, eventA, seqA);
            }
            if (i >= warmUps) {
                timesA.append(' ').append(first);
                timesB.append(' ').append(second);
            }
        }
        System.out.println(TAG + "warmA" + timesA);
        System.out.println(TAG + "warmB" + timesB);
    }

    private static long timed(LambdaLauncher function, String event, String seq) {
        String personal = event.replace("@SEQ@", seq);
        long start = System.nanoTime();
        String result = function.invoke(personal);
        long nanos = System.nanoTime() - start;
        if (result.contains("\"statusCode\":5")) {
            throw new IllegalStateException("the handler answered " + result);
        }
        return nanos;
    }

    @SuppressWarnings("unchecked")
    private static LambdaLauncher load(String className) throws ReflectiveOperationException {
        Class<?> type = Class.forName(className);
        Object handler = type.getDeclaredConstructor().newInstance();
        if (handler instanceof RequestStreamHandler) {
            return new LambdaLauncher(handler, null, null);
        }
        Type[] types = requestHandlerTypes(type);
        return new LambdaLauncher(handler, serializer(types[0]), serializer(types[1]));
    }

    @SuppressWarnings({"unchecked", "rawtypes"})
    private String invoke(String event) {
        deadline = System.currentTimeMillis() + 30_000;
        try {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            if (handler instanceof RequestStreamHandler stream) {
                stream.handleRequest(new ByteArrayInputStream(event.getBytes(StandardCharsets.UTF_8)), out, CONTEXT);
            } else {
                Object result = ((RequestHandler) handler).handleRequest(input.fromJson(event), CONTEXT);
                output.toJson(result, out);
            }
            return out.toString(StandardCharsets.UTF_8);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    /** The I and O of {@code RequestHandler<I, O>} as the class declares them directly (all our handlers do). */
    private static Type[] requestHandlerTypes(Class<?> type) {
        for (Type candidate : type.getGenericInterfaces()) {
            if (candidate instanceof ParameterizedType parameterized && parameterized.getRawType() == RequestHandler.class) {
                return parameterized.getActualTypeArguments();
            }
        }
        return new Type[] {Object.class, Object.class};
    }

    /** The runtime's choice: its event serializers for aws-lambda-java-events classes, Jackson for the rest. */
    @SuppressWarnings("unchecked")
    private static PojoSerializer<Object> serializer(Type type) {
        if (type instanceof Class<?> raw && LambdaEventSerializers.isLambdaSupportedEvent(raw.getName())) {
            return (PojoSerializer<Object>) LambdaEventSerializers.serializerFor(raw, LambdaLauncher.class.getClassLoader());
        }
        return JacksonFactory.getInstance().getSerializer(type);
    }

    private static final LambdaLogger LOGGER = new LambdaLogger() {
        @Override
        public void log(String message) {
            System.out.println(message);
        }

        @Override
        public void log(byte[] message) {
            System.out.println(new String(message, StandardCharsets.UTF_8));
        }
    };

    private static final Context CONTEXT = new Context() {
        // no UUID: its SecureRandom would be a cost of the launcher's, not the function's
        private final String requestId = "bench-" + System.nanoTime();

        @Override
        public String getAwsRequestId() {
            return requestId;
        }

        @Override
        public String getLogGroupName() {
            return "/aws/lambda/" + getFunctionName();
        }

        @Override
        public String getLogStreamName() {
            return "bench";
        }

        @Override
        public String getFunctionName() {
            return System.getenv().getOrDefault("AWS_LAMBDA_FUNCTION_NAME", "bench");
        }

        @Override
        public String getFunctionVersion() {
            return "$LATEST";
        }

        @Override
        public String getInvokedFunctionArn() {
            return "arn:aws:lambda:local:000000000000:function:" + getFunctionName();
        }

        @Override
        public CognitoIdentity getIdentity() {
            return null;
        }

        @Override
        public ClientContext getClientContext() {
            return null;
        }

        @Override
        public int getRemainingTimeInMillis() {
            return (int) Math.max(0, deadline - System.currentTimeMillis());
        }

        @Override
        public int getMemoryLimitInMB() {
            return Integer.parseInt(System.getenv().getOrDefault("AWS_LAMBDA_FUNCTION_MEMORY_SIZE", "1024"));
        }

        @Override
        public LambdaLogger getLogger() {
            return LOGGER;
        }
    };
}
