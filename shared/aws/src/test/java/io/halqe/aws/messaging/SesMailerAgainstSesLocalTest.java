package io.halqe.aws.messaging;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.halqe.aws.json.Json;
import io.halqe.domain.core.Mailer;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.sesv2.SesV2Client;

/**
 * The SES adapter against a real SES v2 API server (npm {@code aws-ses-v2-local}, installed by .ci/run into
 * shared/aws/ses-local): the real SDK request is accepted and stored as sent.
 */
class SesMailerAgainstSesLocalTest {

    private static final HttpClient HTTP = HttpClient.newHttpClient();
    private static Process server;
    private static URI endpoint;

    @BeforeAll
    static void startSesLocal() throws Exception {
        Path cli = Path.of(System.getProperty("halqe.repoRoot", "../.."), "shared/aws/ses-local/node_modules/aws-ses-v2-local/dist/cli.js");
        assertThat(cli).as("aws-ses-v2-local is installed (npm ci --prefix shared/aws/ses-local, as .ci/run does)").exists();
        int port;
        try (ServerSocket socket = new ServerSocket(0)) {
            port = socket.getLocalPort();
        }
        endpoint = URI.create("http://127.0.0.1:" + port);
        Path log = Files.createTempFile("ses-local", ".log");
        server = new ProcessBuilder("node", cli.toString(), "--port", Integer.toString(port), "--host", "127.0.0.1")
                .redirectErrorStream(true).redirectOutput(log.toFile()).start();
        Instant deadline = Instant.now().plusSeconds(30);
        while (true) {
            try {
                if (HTTP.send(HttpRequest.newBuilder(endpoint.resolve("/store")).build(), HttpResponse.BodyHandlers.ofString())
                        .statusCode() == 200) {
                    return;
                }
            } catch (IOException notYet) {
                // starting
            }
            if (!server.isAlive() || Instant.now().isAfter(deadline)) {
                throw new IllegalStateException("aws-ses-v2-local did not start:\n" + Files.readString(log));
            }
            Thread.sleep(100);
        }
    }

    @AfterAll
    static void stop() {
        if (server != null) {
            server.destroy();
        }
    }

    @Test
    void send_shouldBeAcceptedByARealSesApi_andStoredAsSent() throws Exception {
        // GIVEN the adapter with the real SDK client pointed at the SES server
        SesV2Client ses = SesV2Client.builder().endpointOverride(endpoint).region(Region.EU_WEST_1)
                .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create("local", "local")))
                .httpClient(UrlConnectionHttpClient.builder().build()).build();
        SesMailer mailer = new SesMailer(ses, "feedback@example.com", "halqe-dev");
        // WHEN a Persian customer email with an unsubscribe header is sent under a Persian sender name
        mailer.send(new Mailer.Email(List.of("sara@example.com"), "پیگیری بازخورد شما", "متن ساده",
                "<p dir=\"rtl\">&lt;b&gt;</p>", Map.of("List-Unsubscribe", "<https://f.example.com/u/x>"), "فروشگاه"));
        // THEN the server stored it from our sender, to the customer, with both parts
        JsonNode store = Json.MAPPER.readTree(HTTP.send(HttpRequest.newBuilder(endpoint.resolve("/store")).build(),
                HttpResponse.BodyHandlers.ofString()).body());
        assertThat(store.get("emails")).hasSize(1);
        JsonNode email = store.get("emails").get(0);
        // (the name as an RFC 2047 encoded word, as SES requires for a name beyond ASCII)
        assertThat(email.get("from").asText()).isEqualTo("=?UTF-8?B?" + java.util.Base64.getEncoder().encodeToString(
                "فروشگاه".getBytes(java.nio.charset.StandardCharsets.UTF_8)) + "?= <feedback@example.com>");
        assertThat(email.at("/destination/to/0").asText()).isEqualTo("sara@example.com");
        assertThat(email.get("subject").asText()).isEqualTo("پیگیری بازخورد شما");
        assertThat(email.at("/body/text").asText()).isEqualTo("متن ساده");
        assertThat(email.at("/body/html").asText()).isEqualTo("<p dir=\"rtl\">&lt;b&gt;</p>");
        assertThat(email.at("/headers/0/name").asText()).isEqualTo("List-Unsubscribe");
        assertThat(email.at("/headers/0/value").asText()).isEqualTo("<https://f.example.com/u/x>");
    }
}
