package io.halqe.aws.runtime;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.LambdaLogger;
import com.amazonaws.services.lambda.runtime.logging.LogLevel;
import io.halqe.local.runtime.LocalLambdaContext;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/** A Lambda logger that keeps every line: {@code "<LEVEL> <line>"} when logged with a level. */
public final class RecordingLogger implements LambdaLogger {

    private final List<String> logged = new CopyOnWriteArrayList<>();

    /** A local Lambda context for {@code requestId} whose logger this is. */
    public Context context(String requestId) {
        return new LocalLambdaContext("test", requestId, Duration.ofSeconds(1), 128, this);
    }

    public List<String> logged() {
        return logged;
    }

    @Override
    public void log(String message) {
        logged.add(message);
    }

    @Override
    public void log(byte[] message) {
        logged.add(new String(message, StandardCharsets.UTF_8));
    }

    @Override
    public void log(String message, LogLevel level) {
        logged.add(level + " " + message);
    }
}
