package io.halqe.aws.runtime;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.LambdaLogger;
import com.amazonaws.services.lambda.runtime.logging.LogLevel;
import io.halqe.aws.json.JsonStreams;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * One JSON object a log line, through Lambda's logger (so its JSON log format keeps the level): the message, the
 * function, the request id and the ids that matter ({@code surveyId}, {@code responseId}, {@code caseId}), and a
 * failure's stack trace. Ids only: no comment, email or phone is ever a field.
 */
public final class StructuredLog {

    private final LambdaLogger logger;
    private final String function;
    private final String requestId;

    private StructuredLog(LambdaLogger logger, String function, String requestId) {
        this.logger = logger;
        this.function = function;
        this.requestId = requestId;
    }

    public static StructuredLog of(Context context, String function) {
        return new StructuredLog(context.getLogger(), function, context.getAwsRequestId());
    }

    public void info(String message, Map<String, ?> fields) {
        logger.log(line("INFO", message, fields, null), LogLevel.INFO);
    }

    public void error(String message, Map<String, ?> fields, Throwable failure) {
        logger.log(line("ERROR", message, fields, failure), LogLevel.ERROR);
    }

    String line(String level, String message, Map<String, ?> fields, Throwable failure) {
        Map<String, Object> line = new LinkedHashMap<>();
        line.put("level", level);
        line.put("message", message);
        line.put("function", function);
        line.put("requestId", requestId);
        fields.forEach((name, value) -> line.put(name, value == null ? null : value instanceof Number || value instanceof Boolean
                ? value : value.toString()));
        if (failure != null) {
            line.put("error", failure.toString());
            StringWriter trace = new StringWriter();
            failure.printStackTrace(new PrintWriter(trace));
            line.put("stackTrace", trace.toString());
        }
        // numbers, booleans, strings and nulls only: plain values, which the streaming core writes without a mapper
        return JsonStreams.writePlain(line);
    }
}
