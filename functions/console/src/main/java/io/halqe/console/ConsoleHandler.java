package io.halqe.console;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestStreamHandler;
import io.halqe.aws.http.HttpRequest;
import io.halqe.aws.http.HttpResponses;
import io.halqe.aws.runtime.HalqeConfig;
import io.halqe.aws.runtime.Inbound;
import io.halqe.aws.runtime.LambdaEnvironment;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;

/**
 * {@code GET /console/{proxy+}} (template.yaml's ConsoleFunction): the console's page and files, and the API's
 * description and its viewer ({@link ApiDocs}). A function of its own, calling no AWS service, so the console grows
 * without weighing on the admin API's zip or cold start.
 */
public final class ConsoleHandler implements RequestStreamHandler {

    private final ConsolePages pages;
    private final ApiDocs docs;

    public ConsoleHandler() {
        this(configured(HalqeConfig.load(LambdaEnvironment.current(), "HALQE_SIGN_IN_URL", "HALQE_CONSOLE_CLIENT_ID")));
    }

    ConsoleHandler(ConsolePages pages) {
        this.pages = pages;
        this.docs = new ApiDocs();
    }

    private static ConsolePages configured(HalqeConfig config) {
        return new ConsolePages(config.signInUrl(), config.consoleClientId());
    }

    @Override
    public void handleRequest(InputStream input, OutputStream output, Context context) throws IOException {
        switch (Inbound.read(input)) {
            case Inbound.Http http -> {
                String path = HttpRequest.of(http.event()).path();
                HttpResponses.write(ApiDocs.serves(path) ? docs.serve(path) : pages.serve(path), output);
            }
            case Inbound other -> throw Inbound.unexpected("console", other);
        }
    }
}
