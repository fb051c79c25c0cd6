package io.halqe.aws.http;

import java.io.IOException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

/**
 * Calls out of the stack to addresses its users gave (webhook receivers, Slack): the client is built on first use,
 * not at init, so a SnapStart snapshot carries no selector thread or open connection; redirects are never followed,
 * so a receiver answers where it was registered. The answer's body is not read.
 */
public final class OutboundHttp {

    private final Duration connectTimeout;
    private HttpClient client;

    public OutboundHttp(Duration connectTimeout) {
        this.connectTimeout = connectTimeout;
    }

    /** The status the address answered {@code request} with. */
    public int send(HttpRequest request) throws IOException, InterruptedException {
        return client().send(request, HttpResponse.BodyHandlers.discarding()).statusCode();
    }

    private synchronized HttpClient client() {
        if (client == null) {
            client = HttpClient.newBuilder().connectTimeout(connectTimeout).followRedirects(HttpClient.Redirect.NEVER)
                    .build();
        }
        return client;
    }
}
