package io.halqe.api;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestStreamHandler;
import com.fasterxml.jackson.databind.JsonNode;
import io.halqe.aws.json.Json;
import io.halqe.aws.runtime.Adapters;
import io.halqe.domain.access.RecordSignIn;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.time.Clock;

/**
 * The user pool's PostAuthentication trigger (template.yaml's SignInsFunction): each sign-in goes to the audit log,
 * and the event goes back unchanged, as Cognito requires. A failure fails the sign-in, so none goes unrecorded.
 */
public final class SignIns implements RequestStreamHandler {

    static final String TRIGGER = "PostAuthentication_Authentication";

    private final RecordSignIn signIns;
    private final Clock clock;

    public SignIns() {
        this(new RecordSignIn(Adapters.forFunction("HALQE_AUDIT_TABLE").auditLog()), Clock.systemUTC());
    }

    SignIns(RecordSignIn signIns, Clock clock) {
        this.signIns = signIns;
        this.clock = clock;
    }

    @Override
    public void handleRequest(InputStream input, OutputStream output, Context context) throws IOException {
        byte[] event = input.readAllBytes();
        JsonNode trigger = Json.MAPPER.readTree(event);
        if (!TRIGGER.equals(trigger.path("triggerSource").asText())) {
            throw new IllegalArgumentException("the sign-ins function takes " + TRIGGER + " events, not "
                    + trigger.path("triggerSource").asText("this"));
        }
        signIns.record(trigger.path("userName").asText(null), trigger.path("callerContext").path("clientId").asText(null),
                clock.instant());
        output.write(event);
    }
}
