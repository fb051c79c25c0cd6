package io.halqe.aws.testing;

import com.amazonaws.services.lambda.runtime.ClientContext;
import com.amazonaws.services.lambda.runtime.CognitoIdentity;
import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.LambdaLogger;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
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
    public static Map<String, String> environment(LocalDynamoDb db, Map<String, String> variables) {
        Map<String, String> env = new HashMap<>(variables);
        env.put("AWS_REGION", "us-east-1");
        env.put("AWS_ACCESS_KEY_ID", "local");
        env.put("AWS_SECRET_ACCESS_KEY", "local");
        env.put("AWS_ENDPOINT_URL_DYNAMODB", db.endpoint().toString());
        return env;
    }

    public static Context context(String functionName) {
        return new Context() {
            @Override
            public String getAwsRequestId() {
                return "test-request";
            }

            @Override
            public String getLogGroupName() {
                return "/aws/lambda/" + functionName;
            }

            @Override
            public String getLogStreamName() {
                return "test";
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
                return 30_000;
            }

            @Override
            public int getMemoryLimitInMB() {
                return 1024;
            }

            @Override
            public LambdaLogger getLogger() {
                return new LambdaLogger() {
                    @Override
                    public void log(String message) {
                        System.out.println(message);
                    }

                    @Override
                    public void log(byte[] message) {
                        System.out.println(new String(message, StandardCharsets.UTF_8));
                    }
                };
            }
        };
    }
}
