package io.halqe.local.testhandlers;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;

/** Records every schedule payload it gets. */
public class TickRecorder implements RequestHandler<Map<String, Object>, String> {

    public static final List<Map<String, Object>> TICKS = new CopyOnWriteArrayList<>();

    @Override
    public String handleRequest(Map<String, Object> event, Context context) {
        TICKS.add(event);
        return "ok";
    }
}
