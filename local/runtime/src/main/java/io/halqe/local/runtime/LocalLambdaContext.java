package io.halqe.local.runtime;

import com.amazonaws.services.lambda.runtime.ClientContext;
import com.amazonaws.services.lambda.runtime.CognitoIdentity;
import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.LambdaLogger;
import java.nio.charset.StandardCharsets;
import java.time.Duration;

/**
 * The Context a handler gets outside Lambda (the local cloud, handler tests): names, request id, remaining time and
 * a logger writing to stdout.
 */
public final class LocalLambdaContext implements Context {

    private final String functionName;
    private final String requestId;
    private final long deadlineMillis;
    private final int memoryMb;
    private final LambdaLogger logger;

    public LocalLambdaContext(String functionName, String requestId, Duration timeout, int memoryMb) {
        this(functionName, requestId, timeout, memoryMb, new StdoutLogger(functionName, requestId));
    }

    /** With a logger of the caller's (a test's, keeping what a handler logs). */
    public LocalLambdaContext(String functionName, String requestId, Duration timeout, int memoryMb,
                              LambdaLogger logger) {
        this.functionName = functionName;
        this.requestId = requestId;
        this.deadlineMillis = System.currentTimeMillis() + timeout.toMillis();
        this.memoryMb = memoryMb;
        this.logger = logger;
    }

    @Override
    public String getAwsRequestId() {
        return requestId;
    }

    @Override
    public String getLogGroupName() {
        return "/aws/lambda/" + functionName;
    }

    @Override
    public String getLogStreamName() {
        return "local";
    }

    @Override
    public String getFunctionName() {
        return functionName;
    }

    @Override
    public String getFunctionVersion() {
        return "$LATEST";
    }

    @Override
    public String getInvokedFunctionArn() {
        return "arn:aws:lambda:us-east-1:000000000000:function:" + functionName;
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
        return (int) Math.max(0, deadlineMillis - System.currentTimeMillis());
    }

    @Override
    public int getMemoryLimitInMB() {
        return memoryMb;
    }

    @Override
    public LambdaLogger getLogger() {
        return logger;
    }

    private record StdoutLogger(String functionName, String requestId) implements LambdaLogger {

        @Override
        public void log(String message) {
            System.out.println("[" + functionName + " " + requestId.substring(0, Math.min(8, requestId.length())) + "] " + message.stripTrailing());
        }

        @Override
        public void log(byte[] message) {
            log(new String(message, StandardCharsets.UTF_8));
        }
    }
}
