package io.halqe.aws.analysis;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.halqe.aws.json.Json;
import io.halqe.aws.runtime.AwsClients;
import io.halqe.domain.analytics.FeedbackType;
import io.halqe.domain.analytics.Match;
import io.halqe.domain.analytics.ModelBudget;
import io.halqe.domain.analytics.Sentiment;
import io.halqe.domain.analytics.TextAnalysis;
import io.halqe.domain.analytics.TextAnalyzer;
import io.halqe.domain.analytics.ThemeTaxonomy;
import io.halqe.domain.config.Env;
import io.halqe.domain.core.Counters;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The Bedrock analyzer against a local HTTP server standing in for Bedrock Runtime: the exact Converse request it
 * sends, and Converse response bodies (resources under {@code bedrock/}, in the API's documented shape) it is answered
 * with — a valid answer, an unknown theme, malformed JSON, a 429 and a reply slower than the call's timeout.
 */
class BedrockAnalyzerTest {

    private static final String MODEL = "anthropic.claude-3-haiku-20240307-v1:0";
    private static final String COMMENT = "ارسال خیلی دیر بود و پشتیبانی جواب نداد";
    private static final Clock NOVEMBER = Clock.fixed(Instant.parse("2026-11-23T10:00:00Z"), ZoneOffset.UTC);
    private static final TextAnalyzer BUILT_IN = new TextAnalyzer();
    private static final Duration TIMEOUT = Duration.ofMillis(800);

    private record Reply(int status, String resource, Map<String, String> headers, long delayMillis) {
    }

    private record Request(String method, String rawPath, Map<String, List<String>> headers, String body) {
    }

    private final List<Request> received = new CopyOnWriteArrayList<>();
    private final List<Reply> replies = new CopyOnWriteArrayList<>();
    private final Map<String, Long> counts = new ConcurrentHashMap<>();
    private final Counters counters = (key, amount, expiresAt) -> counts.merge(key, amount, Long::sum);
    private HttpServer bedrock;

    @BeforeEach
    void startBedrock() throws IOException {
        bedrock = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        bedrock.setExecutor(Executors.newCachedThreadPool());
        bedrock.createContext("/", this::answer);
        bedrock.start();
    }

    @AfterEach
    void stopBedrock() {
        bedrock.stop(0);
    }

    private void answer(HttpExchange exchange) throws IOException {
        received.add(new Request(exchange.getRequestMethod(), exchange.getRequestURI().getRawPath(),
                Map.copyOf(exchange.getRequestHeaders()),
                new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8)));
        Reply reply = replies.isEmpty() ? new Reply(500, "converse-throttled.json", Map.of(), 0) : replies.remove(0);
        try {
            Thread.sleep(reply.delayMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        byte[] body = resource(reply.resource()).getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", "application/json");
        reply.headers().forEach(exchange.getResponseHeaders()::set);
        try (OutputStream out = exchange.getResponseBody()) {
            exchange.sendResponseHeaders(reply.status(), body.length);
            out.write(body);
        } catch (IOException e) {
            // the client gave up (the slow reply): nothing to answer
        }
    }

    private static String resource(String name) {
        try (InputStream in = BedrockAnalyzerTest.class.getResourceAsStream("/bedrock/" + name)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private void replyWith(String resource) {
        replies.add(new Reply(200, resource, Map.of(), 0));
    }

    /** $0.80 and $4.00 per million input and output tokens (a small model's list prices), within {@code usd}. */
    private BedrockAnalyzer analyzer(String usd) {
        var client = new AwsClients(new Env(Map.of("AWS_ENDPOINT_URL_BEDROCK_RUNTIME",
                "http://127.0.0.1:" + bedrock.getAddress().getPort(), "AWS_ACCESS_KEY_ID", "test",
                "AWS_SECRET_ACCESS_KEY", "test", "AWS_REGION", "us-east-1"))).bedrockRuntime(TIMEOUT);
        return new BedrockAnalyzer(client, MODEL, new ModelBudget(counters, new BigDecimal(usd),
                new BigDecimal("0.80"), new BigDecimal("4.00"), NOVEMBER), BUILT_IN);
    }

    private static TextAnalysis analyze(BedrockAnalyzer analyzer) {
        return analyzer.analyze(COMMENT, "fa", 3, ThemeTaxonomy.defaults());
    }

    /** The built-in analysis of the comment, with the fallback's reason added to its evidence. */
    private static TextAnalysis builtInAfter(String why) {
        TextAnalysis builtIn = BUILT_IN.analyze(COMMENT, "fa", 3, ThemeTaxonomy.defaults());
        List<Match> matches = new ArrayList<>(builtIn.matches());
        matches.add(new Match("model", MODEL, "fallback: " + why));
        return new TextAnalysis(builtIn.language(), builtIn.sentiment(), builtIn.sentimentScore(), builtIn.themes(),
                builtIn.feedbackType(), builtIn.keyPhrases(), matches);
    }

    @Test
    void analyze_shouldSendTheExactConverseRequest_andTakeTheModelsReading_whenItsAnswerIsValid() throws Exception {
        // GIVEN Bedrock answering with a valid reading (412 tokens in, 58 out)
        replyWith("converse-valid.json");
        // WHEN a Persian detractor's comment is analysed
        TextAnalysis analysis = analyze(analyzer("10"));
        // THEN one Converse call went to the model's path, signed for Bedrock, with the exact system prompt,
        // message and inference settings
        assertThat(received).singleElement().satisfies(request -> {
            assertThat(request.method()).isEqualTo("POST");
            assertThat(request.rawPath()).isEqualTo("/model/anthropic.claude-3-haiku-20240307-v1%3A0/converse");
            assertThat(request.headers().get("Authorization")).singleElement().asString()
                    .startsWith("AWS4-HMAC-SHA256 Credential=test/").contains("/us-east-1/bedrock/aws4_request");
            assertThat(Json.MAPPER.readTree(request.body())).isEqualTo(Json.MAPPER.readTree(resource("converse-request.json")));
        });
        // AND the model's answer is the analysis: themes in the taxonomy's order, key phrases in the analyzer's normal
        // form (the answer typed «پشتيباني» with Arabic yeh), the model named as the evidence
        assertThat(analysis).isEqualTo(new TextAnalysis("fa", Sentiment.NEGATIVE, -0.82, List.of("delivery", "support"),
                FeedbackType.COMPLAINT, List.of("ارسال خیلی دیر بود", "پشتیبانی جواب نداد"),
                List.of(new Match("model", MODEL, "decided"))));
        // AND its cost is this month's spend: 412 × 0.80 + 58 × 4.00 = 329.6 (330) + 232 millionths of a dollar
        assertThat(counts).containsExactly(Map.entry("analyzer#2026-11", 562L));
    }

    @Test
    void analyze_shouldFallBackToTheBuiltInAnalysis_whenTheModelNamesAThemeOutsideTheTaxonomy() {
        // GIVEN Bedrock answering with a theme the survey does not have
        replyWith("converse-unknown-theme.json");
        // WHEN the comment is analysed
        TextAnalysis analysis = analyze(analyzer("10"));
        // THEN the built-in analysis is taken, its evidence saying why; the call is still paid for
        assertThat(analysis).isEqualTo(builtInAfter("invalid themes: not distinct ids of the survey's themes"));
        assertThat(analysis.themes()).doesNotContain("courier_rudeness");
        assertThat(counts).containsEntry("analyzer#2026-11", 330L + 49 * 4);
    }

    @Test
    void analyze_shouldFallBackToTheBuiltInAnalysis_whenTheAnswerIsNotJson() {
        // GIVEN Bedrock answering with prose and a JSON object cut short
        replyWith("converse-malformed.json");
        // WHEN the comment is analysed
        // THEN the built-in analysis is taken
        assertThat(analyze(analyzer("10"))).isEqualTo(builtInAfter("invalid answer: no JSON object"));
    }

    @Test
    void analyze_shouldFallBackAtOnce_withoutRetrying_whenBedrockThrottles() {
        // GIVEN Bedrock answering 429 ThrottlingException
        replies.add(new Reply(429, "converse-throttled.json", Map.of("x-amzn-ErrorType",
                "ThrottlingException:http://internal.amazon.com/coral/com.amazon.bedrock/"), 0));
        // WHEN the comment is analysed
        TextAnalysis analysis = analyze(analyzer("10"));
        // THEN one request only (the built-in analyzer is the retry), its analysis, and nothing spent
        assertThat(received).hasSize(1);
        assertThat(analysis).isEqualTo(builtInAfter("throttled"));
        assertThat(counts.getOrDefault("analyzer#2026-11", 0L)).isZero();
    }

    @Test
    void analyze_shouldFallBackWithinTheCallsTimeout_whenTheModelAnswersTooSlowly() {
        // GIVEN Bedrock taking 3 s to give a valid answer, and a call timeout of 0.8 s
        replies.add(new Reply(200, "converse-valid.json", Map.of(), 3_000));
        BedrockAnalyzer analyzer = analyzer("10");
        // WHEN the comment is analysed
        long started = System.nanoTime();
        TextAnalysis analysis = analyze(analyzer);
        Duration took = Duration.ofNanos(System.nanoTime() - started);
        // THEN the built-in analysis comes back well before the answer would have
        assertThat(analysis).isEqualTo(builtInAfter("timeout"));
        assertThat(took).isLessThan(Duration.ofMillis(2_500));
        assertThat(received).hasSize(1);
    }

    @Test
    void analyze_shouldSendNothing_andTakeTheBuiltInAnalysis_whenTheMonthsBudgetIsSpent() {
        // GIVEN a month's budget of $0.001 (1,000 millionths) and valid answers costing 562 each
        replyWith("converse-valid.json");
        replyWith("converse-valid.json");
        replyWith("converse-valid.json");
        BedrockAnalyzer analyzer = analyzer("0.001");
        // WHEN three comments are analysed
        TextAnalysis first = analyze(analyzer);
        TextAnalysis second = analyze(analyzer);
        TextAnalysis third = analyze(analyzer);
        // THEN the first two go to the model (562 < 1,000 before the second), spending 1,124
        assertThat(first.matches()).containsExactly(new Match("model", MODEL, "decided"));
        assertThat(second.matches()).containsExactly(new Match("model", MODEL, "decided"));
        assertThat(counts).containsEntry("analyzer#2026-11", 1_124L);
        // AND the third sends no request: the built-in reads it, saying the budget is spent
        assertThat(received).hasSize(2);
        assertThat(third).isEqualTo(builtInAfter("monthly budget spent"));
    }

    @Test
    void analyze_shouldNotAskTheModel_whenTheAnswerHasNoComment() {
        // GIVEN Bedrock ready to answer
        replyWith("converse-valid.json");
        // WHEN an answer without a comment is analysed
        TextAnalysis analysis = analyzer("10").analyze(null, "fa", 3, ThemeTaxonomy.defaults());
        // THEN nothing is sent, and the built-in analysis (the NPS prior) is all there is
        assertThat(received).isEmpty();
        assertThat(analysis).isEqualTo(BUILT_IN.analyze(null, "fa", 3, ThemeTaxonomy.defaults()));
    }

    @Test
    void analyze_shouldFallBack_whenTheBudgetsCounterCannotBeRead() {
        // GIVEN a Limits table that fails (as DynamoDB does when throttled past its retries)
        var client = new AwsClients(new Env(Map.of("AWS_ENDPOINT_URL_BEDROCK_RUNTIME",
                "http://127.0.0.1:" + bedrock.getAddress().getPort(), "AWS_ACCESS_KEY_ID", "test",
                "AWS_SECRET_ACCESS_KEY", "test", "AWS_REGION", "us-east-1"))).bedrockRuntime(TIMEOUT);
        Counters failing = (key, amount, expiresAt) -> {
            throw software.amazon.awssdk.core.exception.SdkClientException.create("Limits table unavailable");
        };
        BedrockAnalyzer analyzer = new BedrockAnalyzer(client, MODEL, new ModelBudget(failing, BigDecimal.TEN,
                BigDecimal.ONE, BigDecimal.ONE, NOVEMBER), BUILT_IN);
        replyWith("converse-valid.json");
        // WHEN the comment is analysed
        // THEN no call is made on an unknown spend, and the built-in reads it
        assertThat(analyze(analyzer)).isEqualTo(builtInAfter("error SdkClientException"));
        assertThat(received).isEmpty();
    }

    @Test
    void read_shouldNameTheField_whenAnAnswerBreaksTheSchema() {
        // GIVEN answers each breaking one rule of the schema
        ThemeTaxonomy taxonomy = ThemeTaxonomy.defaults();
        Match model = new Match("model", MODEL, "decided");
        String valid = """
                {"language":"en","sentiment":"negative","score":-0.5,"themes":["price"],"feedbackType":null,"keyPhrases":["too expensive"]}""";
        Map<String, String> broken = Map.of(
                "language", valid.replace("\"en\"", "\"de\""),
                "sentiment", valid.replace("\"negative\"", "\"mixed\""),
                "score", valid.replace("-0.5", "-1.5"),
                "themes", valid.replace("[\"price\"]", "[\"price\",\"price\"]"),
                "feedbackType", valid.replace("null", "\"rant\""),
                "keyPhrases", valid.replace("[\"too expensive\"]", "[\"a\",\"b\",\"c\",\"d\",\"e\",\"f\"]"),
                "extra", valid.replace("{\"language\"", "{\"extra\":1,\"language\""));
        // WHEN each is read THEN it is invalid, naming its field; the valid one reads as the model's analysis
        broken.forEach((field, answer) -> assertThat(ModelAnswer.read(answer, taxonomy, model)).as(field)
                .isInstanceOfSatisfying(ModelAnswer.Invalid.class, invalid -> assertThat(invalid.field()).isEqualTo(field)));
        assertThat(ModelAnswer.read(valid.replace("-0.5", "-0.1"), taxonomy, model)).as("label against score")
                .isEqualTo(new ModelAnswer.Invalid("sentiment", "does not agree with the score"));
        assertThat(ModelAnswer.read(valid.replace("\"score\":-0.5", "\"score\":\"-0.5\""), taxonomy, model))
                .as("a number in a string").isEqualTo(new ModelAnswer.Invalid("score", "not a number from -1 to 1"));
        assertThat(ModelAnswer.read(valid.replace("}", ",}"), taxonomy, model)).as("broken JSON")
                .isEqualTo(new ModelAnswer.Invalid("answer", "not JSON"));
        assertThat(ModelAnswer.read(valid.replace("{\"language\":\"en\"", "{\"language\":\"en\",\"language\":\"fa\""),
                taxonomy, model)).as("a field twice").isEqualTo(new ModelAnswer.Invalid("answer", "not JSON"));
        assertThat(ModelAnswer.read("```json\n" + valid + "\n```", taxonomy, model)).isEqualTo(new ModelAnswer.Valid(
                new TextAnalysis("en", Sentiment.NEGATIVE, -0.5, List.of("price"), null, List.of("too expensive"),
                        List.of(model))));
    }
}
