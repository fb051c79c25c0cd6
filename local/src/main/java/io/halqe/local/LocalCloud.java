package io.halqe.local;

import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpServer;
import io.halqe.aws.demo.DemoSeed;
import io.halqe.local.dynamodb.DynamoDbLocalServer;
import io.halqe.local.runtime.LocalDynamoDb;
import io.halqe.local.runtime.LocalResolver;
import io.halqe.local.runtime.SamTemplate;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.streams.DynamoDbStreamsClient;

/**
 * Halqe's local cloud: every function of template.yaml in one JVM, against DynamoDB Local, behind an emulated HTTP
 * API, with the tables' streams, the EventBridge bus and rules, the schedules, SES, SNS and the user pool emulated.
 * <pre>{@code
 * try (LocalCloud cloud = LocalCloud.start(LocalCloudOptions.defaults().withPort(0))) {
 *     HttpClient.newHttpClient().send(HttpRequest.newBuilder(cloud.baseUrl().resolve("/s/demo-nps")).build(), ...);
 *     cloud.drain();
 *     cloud.outbox().emails();
 * }
 * }</pre>
 * Background work (streams, bus, schedules) runs on a bounded pool of worker threads ({@link LocalWorker}); HTTP
 * requests invoke their function on the request's thread; a function runs concurrent invocations in separate
 * execution environments, as Lambda does ({@link LocalFunction}).
 * <p>This class is the lifecycle and the API tests use. It starts the parts in order and closes them in reverse:
 * DynamoDB Local with the template's tables; the bus, scheduler and AWS emulation; the functions and their events
 * ({@link TemplateWiring}); the worker and clock ({@link LocalWorker}); the port ({@link HttpFront}, with
 * {@link LocalControlApi} under {@code /_local}). The command line is {@link LocalCloudMain}.
 */
public final class LocalCloud implements AutoCloseable {

    public static final String PREFIX = LocalResolver.DEFAULT_PREFIX;
    public static final String REGION = LocalResolver.REGION;

    /** What {@link #advanceClock} did: the clock's time afterwards and how many schedule firings it caused. */
    public record ClockAdvance(Instant now, int fired) {
    }

    private io.halqe.local.auth.LocalSignIn signIn;
    private final LocalCloudOptions options;
    private final SamTemplate template;
    private final LocalResolver resolver;
    private final LocalClock clock = new LocalClock();
    private final Outbox outbox = new Outbox();
    private final DeadLetters deadLetters = new DeadLetters();
    private final Usage usage = new Usage();
    private final AsyncInvocations invocations;
    private final HttpServer http;
    private final URI baseUrl;
    private final CountDownLatch closed = new CountDownLatch(1);
    private volatile boolean ready;

    private DynamoDbLocalServer dynamoServer;
    private FaultyDynamoDbProxy faultyDynamo;
    private DynamoDbClient dynamo;
    private DynamoDbStreamsClient streams;
    private Map<String, String> tableNames = Map.of();
    private LocalEventBus bus;
    private LocalScheduler scheduler;
    private AwsEmulator aws;
    private Map<String, LocalFunction> functions = Map.of();
    private LocalWorker worker;
    private HttpFront front;

    private LocalCloud(LocalCloudOptions options, SamTemplate template, HttpServer http) {
        this.options = options;
        this.template = template;
        this.http = http;
        int port = http.getAddress().getPort();
        this.baseUrl = URI.create("http://localhost:" + port);
        this.resolver = new LocalResolver(template, PREFIX, parameters(template, options, port));
        this.invocations = new AsyncInvocations(deadLetters, clock);
    }

    /** Starts everything; returns once the local cloud is ready (health says so). */
    public static LocalCloud start(LocalCloudOptions options) {
        SamTemplate template = options.template().map(SamTemplate::load).orElseGet(SamTemplate::load);
        HttpServer server;
        try {
            server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), options.port()), 128);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot listen on port " + options.port(), e);
        }
        LocalCloud cloud = new LocalCloud(options, template, server);
        try {
            cloud.boot();
            return cloud;
        } catch (RuntimeException | IOException e) {
            cloud.close();
            if (e instanceof IOException io) {
                throw new UncheckedIOException(io);
            }
            throw (RuntimeException) e;
        }
    }

    /**
     * The template's parameters as the local cloud sets them (the ones the template declares), the options' own
     * values winning; the port is known first so that PublicBaseUrl names it.
     */
    private static Map<String, String> parameters(SamTemplate template, LocalCloudOptions options, int port) {
        Map<String, String> parameters = new LinkedHashMap<>();
        parameters.put("Stage", "dev");
        parameters.put("SenderEmail", "feedback@halqe.local");
        parameters.put("SenderIdentity", "halqe.local");
        // the account branding customers see in the demo's emails
        parameters.put("SenderName", "Halqe Demo");
        parameters.put("BrandFooter", "Halqe Demo · 1 Example Street · Localhost");
        parameters.put("AlertRecipients", "owner@demo.halqe.local");
        parameters.put("EscalationEmail", "escalations@demo.halqe.local");
        parameters.put("DefaultTeam", "support");
        parameters.put("AdminApiKeySha256", sha256Hex(options.apiKey()));
        parameters.put("PublicBaseUrl", "http://localhost:" + port);
        // a webhook receiver tried on this machine listens on plain http
        parameters.put("WebhookSchemes", "https,http");
        parameters.keySet().retainAll(template.parameters().keySet());
        parameters.putAll(options.parameters());
        return parameters;
    }

    private void boot() throws IOException {
        dynamoServer = DynamoDbLocalServer.start();
        dynamo = LocalDynamoDb.client(dynamoServer.endpoint());
        streams = DynamoDbStreamsClient.builder()
                .endpointOverride(dynamoServer.endpoint())
                .region(Region.of(REGION))
                .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create("local", "local")))
                .httpClient(UrlConnectionHttpClient.builder().build())
                .build();
        tableNames = LocalDynamoDb.createTables(dynamo, template, PREFIX);
        if (options.seedDemo()) {
            seedDemo();
        }
        String busName = template.eventBus().map(resolver::eventBusName).orElse("default");
        bus = new LocalEventBus(busName, REGION, clock, invocations);
        scheduler = new LocalScheduler(invocations);
        if (options.faults().rate("dynamodb") > 0) {
            faultyDynamo = new FaultyDynamoDbProxy(dynamoServer.endpoint(), options.faults());
        }
        // the people's pool: the --user people, and whoever an admin makes (Cognito's invitation to the outbox)
        var people = io.halqe.local.auth.LocalUserPool.of(template, resolver, options.users(), clock, invited ->
                outbox.add(new Outbox.Email("local-" + java.util.UUID.randomUUID(), List.of(invited.to()), List.of(),
                        List.of(), "no-reply@verificationemail.com", invited.subject(), invited.text(), null, null,
                        Map.of(), invited.at())));
        aws = new AwsEmulator(outbox, bus, clock, LocalSecrets.forTemplate(template, resolver), options.faults(), usage,
                people);
        TemplateWiring.Wired wired = TemplateWiring.wire(this, streams, deadLetters);
        functions = wired.functions();
        worker = new LocalWorker(clock, scheduler, wired.subscriptions(), invocations, options.workers());
        signIn = io.halqe.local.auth.LocalSignIn.of(template, resolver, people, clock, this::invoke);
        Map<String, io.halqe.local.auth.JwtAuthorizer> authorizers = new LinkedHashMap<>();
        wired.routeAuthorizers().forEach((route, name) -> authorizers.put(route, signIn.authorizer(name).orElseThrow(() ->
                new IllegalStateException(route + " names the authorizer " + name + ", which no HttpApi defines"))));
        front = new HttpFront(http, wired.routes(), HttpApiCors.of(template, resolver), clock, new LocalControlApi(this),
                usage, authorizers, AnswerLog.open(options.answerLog()));
        front.start();
        if (options.background()) {
            worker.startBackgroundPasses();
        }
        ready = true;
    }

    private void seedDemo() {
        DemoSeed.seed(dynamo, tableNames.get("SurveysTable"), tableNames.get("DirectoryTable"));
    }

    // ------------------------------------------------------------------------------------------ public API

    /** {@code http://localhost:PORT}: the HTTP API and the {@code /_local/...} endpoints. */
    public URI baseUrl() {
        return baseUrl;
    }

    public int port() {
        return http.getAddress().getPort();
    }

    /** The emulated AWS APIs (SES v2, SNS, EventBridge) that the functions' clients call. */
    public URI awsEndpoint() {
        return aws.endpoint();
    }

    /** Where the functions reach DynamoDB: DynamoDB Local, or the proxy that injects faults into their calls. */
    URI functionsDynamoDbEndpoint() {
        return faultyDynamo != null ? faultyDynamo.endpoint() : dynamoServer.endpoint();
    }

    public Faults faults() {
        return options.faults();
    }

    public URI dynamoDbEndpoint() {
        return dynamoServer.endpoint();
    }

    public DynamoDbClient dynamoDb() {
        return dynamo;
    }

    /** Physical table names by logical id ({@code SurveysTable -> halqe-local-SurveysTable}). */
    public Map<String, String> tableNames() {
        return tableNames;
    }

    public String apiKey() {
        return options.apiKey();
    }

    public SamTemplate template() {
        return template;
    }

    public LocalResolver resolver() {
        return resolver;
    }

    public Map<String, LocalFunction> functions() {
        return Map.copyOf(functions);
    }

    public LocalEventBus bus() {
        return bus;
    }

    public LocalScheduler scheduler() {
        return scheduler;
    }

    /** A phone answers STOP: SNS's opt-out list now holds it. */
    public void optOutSms(String phone) {
        aws.optOut(phone);
    }

    /** The calls counted since start or the last {@link #resetUsage}, per service, as AWS would bill them. */
    public Usage.Snapshot usage() {
        return usage.snapshot();
    }

    public void resetUsage() {
        usage.reset();
    }

    Usage meter() {
        return usage;
    }

    public Outbox outbox() {
        return outbox;
    }

    public List<DeadLetters.DeadLetter> deadLetters() {
        return deadLetters.all();
    }

    /** The stand-in for the template's user pool (login page, tokens, JWKS), when the template has one. */
    public java.util.Optional<io.halqe.local.auth.LocalIssuer> issuer() {
        return signIn == null ? java.util.Optional.empty() : signIn.issuer();
    }

    public LocalClock clock() {
        return clock;
    }

    public Instant now() {
        return clock.instant();
    }

    public boolean ready() {
        return ready;
    }

    /** Invokes a function synchronously with an event, as {@code aws lambda invoke} would; returns its output. */
    public String invoke(String functionLogicalId, String eventJson) {
        LocalFunction function = functions.get(functionLogicalId);
        if (function == null) {
            throw new IllegalArgumentException("no function " + functionLogicalId + "; functions: " + functions.keySet());
        }
        return function.invoke(eventJson);
    }

    /** Puts one event on the bus, as PutEvents would; returns its id. */
    public String putEvent(String source, String detailType, String detailJson) {
        ObjectNode entry = Json.object();
        entry.put("Source", source);
        entry.put("DetailType", detailType);
        entry.put("Detail", detailJson);
        LocalEventBus.PutResult result = bus.put(entry);
        if (result.eventId() == null) {
            throw new IllegalArgumentException(result.errorCode() + ": " + result.errorMessage());
        }
        return result.eventId();
    }

    /** Returns once streams, bus and due schedules have no pending work. */
    public void drain() {
        worker.drain();
    }

    /**
     * Moves the clock forward; every schedule firing that falls due in between happens in time order (the clock
     * reads the firing time meanwhile), each followed by a drain.
     */
    public ClockAdvance advanceClock(Duration duration) {
        return worker.advanceClock(duration);
    }

    // ------------------------------------------------------------------------------------------ lifecycle

    /** Blocks until {@link #close()}. */
    public void awaitClose() {
        try {
            closed.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public void close() {
        if (closed.getCount() == 0) {
            return;
        }
        ready = false;
        if (front != null) {
            front.stop();
        }
        if (worker != null) {
            worker.close();
        }
        if (aws != null) {
            aws.close();
        }
        if (faultyDynamo != null) {
            faultyDynamo.close();
        }
        if (streams != null) {
            streams.close();
        }
        if (dynamo != null) {
            dynamo.close();
        }
        if (dynamoServer != null) {
            dynamoServer.close();
        }
        closed.countDown();
    }

    static String sha256Hex(String text) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
