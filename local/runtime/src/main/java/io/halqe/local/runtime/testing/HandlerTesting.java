package io.halqe.local.runtime.testing;

import com.amazonaws.services.lambda.runtime.Context;
import io.halqe.local.runtime.LocalLambdaContext;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;

/** What handler tests share: the sample events' folder, a Lambda environment for DynamoDB Local, a Context. */
public final class HandlerTesting {

    private HandlerTesting() {
    }

    /** events/&lt;function&gt;/&lt;file&gt; at the repository root (surefire passes halqe.repoRoot). */
    public static String sampleEvent(String function, String file) {
        return Path.of(System.getProperty("halqe.repoRoot", "../.."), "events", function, file).toAbsolutePath().toString();
    }

    /** The variables a function's no-arg constructor reads, pointed at DynamoDB Local. */
    public static Map<String, String> environment(LocalDynamoDbPerClass db, Map<String, String> variables) {
        Map<String, String> env = new HashMap<>(variables);
        env.put("AWS_REGION", "us-east-1");
        env.put("AWS_ACCESS_KEY_ID", "local");
        env.put("AWS_SECRET_ACCESS_KEY", "local");
        env.put("AWS_ENDPOINT_URL_DYNAMODB", db.endpoint().toString());
        return env;
    }

    public static Context context(String functionName) {
        return new LocalLambdaContext(functionName, "test-request", Duration.ofSeconds(30), 1024);
    }
}
