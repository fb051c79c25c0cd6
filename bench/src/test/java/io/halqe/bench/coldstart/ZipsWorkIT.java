package io.halqe.bench.coldstart;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.halqe.aws.dynamo.DynamoAggregateStore;
import io.halqe.aws.dynamo.DynamoCaseRepository;
import io.halqe.aws.dynamo.DynamoCustomerDirectory;
import io.halqe.aws.dynamo.DynamoOutreachRepository;
import io.halqe.aws.dynamo.DynamoResponseRepository;
import io.halqe.aws.dynamo.DynamoSuppressionList;
import io.halqe.aws.json.InvitationJson;
import io.halqe.aws.json.JsonStreams;
import io.halqe.aws.json.SurveyJson;
import io.halqe.aws.metrics.EmfMetrics;
import io.halqe.domain.cases.CaseStatus;
import io.halqe.domain.cases.FollowUpCase;
import io.halqe.domain.customers.CustomerProfile;
import io.halqe.domain.response.Response;
import io.halqe.domain.response.ResponseIds;
import io.halqe.domain.response.ResponseStatus;
import io.halqe.local.LocalCloud;
import io.halqe.local.LocalCloudOptions;
import io.halqe.local.LocalFunction;
import io.halqe.local.Outbox;
import io.halqe.local.runtime.SamTemplate;
import io.halqe.local.runtime.testing.EmfLines;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.UnaryOperator;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Every function's Lambda zip works as Lambda runs it: unpacked (its root, then lib/*.jar), in a fresh JVM with
 * Lambda's flags and the function's environment, behind the runtime's serializers and nothing else. The other tests
 * run the handlers from Maven's classpath, which holds what a zip may lack (joda-time, a jar a shrinker dropped): here
 * each function takes one event of each kind it serves, in one child JVM ({@link LambdaLauncher} {@code invoke}),
 * against one in-process local cloud, and its work must show there. Needs the zips, so it runs in {@code verify}
 * (each function module builds its zip in {@code package}; bench comes after them, through halqe-local).
 */
class ZipsWorkIT {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final AtomicLong INVOCATIONS = new AtomicLong();
    /** The Lambda errors of a zip that lacks a class: a handler that logs and carries on must not hide them. */
    private static final List<String> LINKAGE_ERRORS = List.of("NoClassDefFoundError", "ClassNotFoundException",
            "NoSuchMethodError", "NoSuchFieldError", "ExceptionInInitializerError");
    private static final String SURVEY = "demo-nps";
    /** The case events/api/close-case.json closes. */
    private static final String CLOSE_CASE_SAMPLE_ID = "case-demo-nps.7c1d2e3f-4a5b-4c6d-8e9f-0a1b2c3d4e5f";

    private static LocalCloud cloud;
    private static Path root;
    private static Path work;
    private static List<Path> runtime;

    /**
     * One child JVM's run: each event's result in order, the child's whole output (its logs and EMF lines), and its
     * last output for the failure messages.
     */
    private record Ran(String function, String seq, List<String> results, String output, String tail,
                       List<String> loadedClasses) {

        /** The metrics the zip wrote as EMF lines on its output, summed by name, as CloudWatch would count them. */
        Map<String, Double> counted() {
            EmfLines emf = new EmfLines();
            output.lines().filter(line -> line.startsWith("{") && line.contains("\"_aws\"")).forEach(emf);
            Map<String, Double> counted = new TreeMap<>();
            emf.documents().forEach(document -> {
                assertThat(document.member(EmfMetrics.DIMENSION)).as(why("metrics under its own name")).isEqualTo(function);
                document.values().forEach((metric, value) -> counted.merge(metric, value, Double::sum));
            });
            return counted;
        }

        JsonNode result(int index) throws IOException {
            return JSON.readTree(results.get(index));
        }

        /** The sample response's id as this run's events named it ({@link BenchEvents#personalize}). */
        String responseId() {
            return BenchEvents.SAMPLE_RESPONSE_ID.substring(0, 24) + seq;
        }

        String why(String expectation) {
            return function + "'s zip: " + expectation + "\n--- results: " + results + "\n--- the child's last output:\n"
                    + tail;
        }
    }

    @BeforeAll
    static void startLocalCloud() throws IOException {
        root = Path.of(System.getProperty("halqe.repoRoot", "..")).toAbsolutePath().normalize();
        work = root.resolve("bench/target/zips-work");
        deleteTree(work);
        runtime = LambdaZips.runtime(work);
        // no background passes: the in-process functions never act on what the children do, so what shows is theirs
        cloud = LocalCloud.start(LocalCloudOptions.defaults().withPort(0).withBackground(false)
                .withApiKey(LocalCloudOptions.DEFAULT_API_KEY));
    }

    @AfterAll
    static void stopLocalCloud() {
        if (cloud != null) {
            cloud.close();
        }
    }

    @Test
    void submission_shouldStoreTheAnswerAndServeItsPages_whenRunFromItsZip() throws Exception {
        // GIVEN submission's zip
        // WHEN a POST of an answer, the survey page and embed.js are invoked in one fresh JVM
        Ran ran = run("submission", UnaryOperator.identity(), "post-response.json", "get-survey-page.json",
                "get-embed-script.json");

        // THEN each is answered 2xx, and the answer is stored
        for (int i = 0; i < ran.results().size(); i++) {
            assertThat(ran.result(i).path("statusCode").asInt()).as(ran.why("event " + i + " answered 2xx"))
                    .isBetween(200, 299);
        }
        String responseId = JSON.readTree(ran.result(0).path("body").asText()).path("responseId").asText();
        assertThat(responses().find(SURVEY, responseId)).as(ran.why("the answer " + responseId + " stored")).isPresent();
        // AND its shrunk metrics libraries wrote the answer's EMF line
        assertThat(ran.counted()).as(ran.why("one answer received counted")).containsEntry("AnswersReceived", 1.0);
        // AND an anonymous answer, the survey's page and embed.js (its stored definition read) were read and answered
        // without Jackson's data-binding mapper: building it was a third of a cold start (README, Speed and cost).
        // (Its exception classes load with HttpRequest, whose JSON body reading for the admin API catches them.)
        assertThat(ran.loadedClasses()).as(ran.why("the classes it loaded")).contains(SurveyJson.class.getName())
                .noneMatch(loaded -> loaded.startsWith("com.fasterxml.jackson.databind.") && !loaded.endsWith("Exception"));
    }

    @Test
    void submission_shouldOpenAnInvitationsLinkWithoutTheMapper_whenRunFromItsZip() throws Exception {
        // GIVEN an invitation made through the admin API, as a CRM makes one (its link's token)
        HttpResponse<String> made = HttpClient.newHttpClient().send(
                HttpRequest.newBuilder(cloud.baseUrl().resolve("/api/invitations"))
                        .header("authorization", "Bearer " + LocalCloudOptions.DEFAULT_API_KEY)
                        .header("content-type", "application/json")
                        .POST(HttpRequest.BodyPublishers.ofString("""
                                {"surveyId":"%s","channel":"link","customer":{"id":"c-zip","locale":"fa"}}"""
                                .formatted(SURVEY))).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(made.statusCode()).as(made.body()).isEqualTo(201);
        String token = JSON.readTree(made.body()).path("token").asText();

        // WHEN the survey page is opened with that link in a fresh JVM
        Ran ran = run("submission", event -> withLinkToken(event, token), "get-survey-page.json");

        // THEN the invitation's page is served, carrying its token into the form
        assertThat(ran.result(0).path("statusCode").asInt()).as(ran.why("the page served")).isEqualTo(200);
        assertThat(ran.result(0).path("body").asText()).as(ran.why("the token in the form"))
                .contains("name=\"_t\" value=\"" + token + "\"");
        // AND the token and the stored invitation were read without the data-binding mapper
        assertThat(ran.loadedClasses()).as(ran.why("the classes it loaded")).contains(InvitationJson.class.getName())
                .noneMatch(loaded -> loaded.startsWith("com.fasterxml.jackson.databind.") && !loaded.endsWith("Exception"));
    }

    /** The sample page request, opened with {@code ?t=token} as an invitation's link does. */
    private static String withLinkToken(String event, String token) {
        try {
            ObjectNode request = (ObjectNode) JSON.readTree(event);
            request.put("rawQueryString", request.path("rawQueryString").asText() + "&t=" + token);
            ((ObjectNode) request.path("queryStringParameters")).put("t", token);
            return JSON.writeValueAsString(request);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Test
    void enrichment_shouldEnrichTheResponseAndPublishIt_whenRunFromItsZip() throws Exception {
        // GIVEN enrichment's zip, and the stored response its stream record is about
        // WHEN the INSERT record is invoked in a fresh JVM
        Ran ran = run("enrichment", UnaryOperator.identity(), "response-inserted.json");

        // THEN no record failed, the response is enriched, and ResponseEnriched is on the bus
        assertThat(ran.result(0).path("batchItemFailures")).as(ran.why("no failed record")).isEmpty();
        assertThat(responses().find(SURVEY, ran.responseId()).map(Response::status))
                .as(ran.why("the response enriched")).contains(ResponseStatus.ENRICHED);
        assertThat(cloud.bus().events()).as(ran.why("ResponseEnriched published"))
                .anySatisfy(event -> {
                    assertThat(event.path("detail-type").asText()).isEqualTo("ResponseEnriched");
                    assertThat(event.path("detail").path("responseId").asText()).isEqualTo(ran.responseId());
                });
        // AND its shrunk metrics libraries wrote the answer's EMF line
        assertThat(ran.counted()).as(ran.why("one answer analysed counted")).containsEntry("AnswersAnalysed", 1.0);
    }

    @Test
    void scoring_shouldCountTheDetractorInTheAggregates_whenRunFromItsZip() throws Exception {
        // GIVEN scoring's zip, and the survey's detractors counted so far around the sample's day
        long before = detractorsAroundTheSampleDay();

        // WHEN the enriched response's MODIFY record is invoked in a fresh JVM
        Ran ran = run("scoring", UnaryOperator.identity(), "response-enriched.json");

        // THEN no record failed, and the aggregates count one more detractor
        assertThat(ran.result(0).path("batchItemFailures")).as(ran.why("no failed record")).isEmpty();
        assertThat(detractorsAroundTheSampleDay()).as(ran.why("the aggregate written")).isGreaterThan(before);
        // AND the batch was read, answered, counted and logged without Jackson's data-binding mapper, whose building
        // is a third of the first invocation of a cold start (README, Speed and cost): its streaming core is enough
        assertThat(ran.loadedClasses()).as(ran.why("the classes it loaded")).contains(JsonStreams.class.getName())
                .noneMatch(loaded -> loaded.startsWith("com.fasterxml.jackson.databind."));
    }

    @Test
    void alerts_shouldOpenACaseEmailTheOwnerSendDigestsAndSuppressABounce_whenRunFromItsZip() throws Exception {
        // GIVEN alerts' zip
        // WHEN a detractor's ResponseEnriched, the digest schedule and an SES bounce are invoked in one fresh JVM
        Ran ran = run("alerts", UnaryOperator.identity(), "detractor-response-enriched.json",
                "send-digests-schedule.json", "ses-bounce.json");

        // THEN the response has an open case, and its owner an email about it
        assertThat(new DynamoCaseRepository(cloud.dynamoDb(), table("CasesTable"))
                .find(FollowUpCase.idFor(ran.responseId())).map(FollowUpCase::status))
                .as(ran.why("a case opened")).contains(CaseStatus.OPEN);
        assertThat(cloud.outbox().emails()).as(ran.why("the owner emailed about the response"))
                .anySatisfy(email -> assertThat(email.to()).contains("owner@demo.halqe.local"))
                .extracting(Outbox.Email::text).anySatisfy(text -> assertThat(text).contains("ارسال سفارش"));
        // AND the digest run reports what it sent, and the bounced address is suppressed
        assertThat(ran.result(1).has("digestsSent")).as(ran.why("the digest run's outcome")).isTrue();
        assertThat(new DynamoSuppressionList(cloud.dynamoDb(), table("DirectoryTable")).isSuppressed("gone@example.com"))
                .as(ran.why("the bounced address suppressed")).isTrue();
        // AND its shrunk metrics libraries wrote the case, the email and the SNS alert as EMF lines
        assertThat(ran.counted()).as(ran.why("the case, email and alert counted")).containsEntry("CasesOpened", 1.0)
                .containsKeys("EmailsSent", "AlertsSent");
    }

    @Test
    void remeasure_shouldScheduleOutreachAndSweep_whenRunFromItsZip() throws Exception {
        // GIVEN remeasure's zip (the demo's touchpoint rule: OrderDelivered → demo-nps)
        // WHEN an OrderDelivered bus event and the sweep's schedule are invoked in one fresh JVM
        Ran ran = run("remeasure", UnaryOperator.identity(), "order-delivered.json", "scheduled-sweep.json");

        // THEN an invitation is scheduled and stored
        JsonNode scheduled = ran.result(0).path("scheduled");
        assertThat(scheduled).as(ran.why("an invitation scheduled")).isNotEmpty();
        DynamoOutreachRepository outreach = new DynamoOutreachRepository(cloud.dynamoDb(), table("OutreachTable"));
        scheduled.forEach(id -> assertThat(outreach.find(id.asText())).as(ran.why(id + " stored")).isPresent());
        // AND the sweep ran every step
        assertThat(ran.result(1).has("outreach")).as(ran.why("the sweep's outcome")).isTrue();
    }

    @Test
    void api_shouldListOpenCasesAndStoreAnUpsertedCustomer_whenRunFromItsZip() throws Exception {
        // GIVEN api's zip, an open case, and a customer no other function writes
        String caseResponse = "zip-api-case";
        Instant now = Instant.now();
        FollowUpCase open = new FollowUpCase(FollowUpCase.idFor(caseResponse), caseResponse, SURVEY, CaseStatus.OPEN,
                "support", "owner@demo.halqe.local", "detractor", 2, "late", "en", now, now.plusSeconds(3600));
        new DynamoCaseRepository(cloud.dynamoDb(), table("CasesTable")).openIfAbsent(open);
        String customerId = "cust-zip-api";
        // AND an invited answer of that customer with an open case, to close and tell her what was done
        String invited = ResponseIds.named(SURVEY, "zip-api-invited");
        new DynamoResponseRepository(cloud.dynamoDb(), table("ResponsesTable")).insertIfAbsent(new Response(invited,
                SURVEY, 1, Map.of(), "en", now, ResponseStatus.RECEIVED, null, Map.of(), customerId, null, false));
        new DynamoCaseRepository(cloud.dynamoDb(), table("CasesTable")).openIfAbsent(new FollowUpCase(
                FollowUpCase.idFor(invited), invited, SURVEY, CaseStatus.OPEN, "support", "owner@demo.halqe.local",
                "detractor", 2, "late", "en", now, now.plusSeconds(3600)));

        // WHEN GET /api/cases?status=open, a CRM's CustomerUpserted, a user made, listed, given another role and
        // deleted (every call of the Cognito client, shrunk to them), and the case closed telling the customer are
        // invoked in one fresh JVM
        Ran ran = run("api", event -> event.replace("\"cust-42\"", "\"" + customerId + "\"")
                        .replace(CLOSE_CASE_SAMPLE_ID, FollowUpCase.idFor(invited)), "get-open-cases.json",
                "customer-upserted.json", "post-user.json", "get-users.json", "put-user.json", "delete-user.json",
                "close-case.json");

        // THEN the open case is listed
        JsonNode listed = ran.result(0);
        assertThat(listed.path("statusCode").asInt()).as(ran.why("GET /api/cases answered 200")).isEqualTo(200);
        assertThat(JSON.readTree(listed.path("body").asText()).path("items").findValuesAsText("responseId"))
                .as(ran.why("the open case listed")).contains(caseResponse);
        // AND the customer is stored as the event has it
        assertThat(new DynamoCustomerDirectory(cloud.dynamoDb(), table("DirectoryTable")).find(customerId)
                .map(CustomerProfile::email)).as(ran.why("the customer stored")).contains("sara@example.com");
        // AND the user is made in the pool, which emailed her the invitation, listed, made an agent and deleted
        assertThat(ran.result(2).path("statusCode").asInt()).as(ran.why("POST /api/users answered 201")).isEqualTo(201);
        assertThat(cloud.outbox().emails()).as(ran.why("the invitation sent"))
                .anySatisfy(email -> assertThat(email.to()).contains("zip-user@example.com"));
        assertThat(ran.result(3).path("body").asText()).as(ran.why("GET /api/users lists her")).contains("zip-user");
        assertThat(JSON.readTree(ran.result(4).path("body").asText()).at("/user/role").asText())
                .as(ran.why("PUT /api/users/zip-user made her an agent")).isEqualTo("agent");
        assertThat(ran.result(5).path("statusCode").asInt()).as(ran.why("DELETE answered 204")).isEqualTo(204);
        // AND the case is closed and its customer told, in an email, and both counted as EMF lines
        JsonNode closed = JSON.readTree(ran.result(6).path("body").asText());
        assertThat(closed.path("status").asText()).as(ran.why("the case closed")).isEqualTo("closed");
        assertThat(closed.path("customerNotified").asBoolean()).as(ran.why("the customer told")).isTrue();
        assertThat(cloud.outbox().emails()).as(ran.why("the customer emailed what was done"))
                .anySatisfy(email -> assertThat(email.to()).contains("sara@example.com"))
                .extracting(Outbox.Email::text).anySatisfy(text -> assertThat(text).contains("changed our courier"));
        assertThat(ran.counted()).as(ran.why("the close and the customer told counted"))
                .containsEntry("CasesClosed", 1.0).containsEntry("CustomersTold", 1.0);
    }

    @Test
    void signIns_shouldAuditTheSignInAndReturnTheEvent_whenRunFromTheApiZip() throws Exception {
        // GIVEN the sign-ins function, from the api zip
        // WHEN the pool's PostAuthentication event is invoked in a fresh JVM
        Ran ran = runAs("SignInsFunction", "api", UnaryOperator.identity(), "post-authentication.json");

        // THEN the event comes back as Cognito sent it, and the sign-in is in the audit log
        assertThat(ran.result(0).path("triggerSource").asText()).as(ran.why("the event returned"))
                .isEqualTo("PostAuthentication_Authentication");
        assertThat(new io.halqe.aws.dynamo.DynamoAuditLog(cloud.dynamoDb(), table("AuditTable"))
                .list("user:sara", null, null, null, 10, null).items()).as(ran.why("the sign-in audited"))
                .anySatisfy(entry -> assertThat(entry.action()).isEqualTo("sign-in"));
    }

    @Test
    void console_shouldServeTheCasePageAndItsScript_whenRunFromItsZip() throws Exception {
        // GIVEN console's zip
        // WHEN an email's case link is opened, in a fresh JVM
        Ran ran = run("console", UnaryOperator.identity(), "get-case-page.json");
        // THEN the page is the console's, with the sign-in settings the template gives it
        JsonNode page = ran.result(0);
        assertThat(page.path("statusCode").asInt()).as(ran.why("the case page answered 200")).isEqualTo(200);
        assertThat(page.path("body").asText()).as(ran.why("the console's page"))
                .contains("<meta name=\"halqe-client\"", "/console/assets/");
    }

    /**
     * Runs {@code function}'s zip on its events (events/&lt;function&gt;/, personalized, then {@code edit}ed) in one
     * fresh child JVM, after storing the sample response they name; fails naming the function and showing the
     * child's output unless every event was invoked, the child exited 0 and no class failed to load.
     */
    private static Ran run(String function, UnaryOperator<String> edit, String... events) throws Exception {
        return runAs(null, function, edit, events);
    }

    /** As {@link #run}, as the function {@code logicalId} of the zip (null: the zip's first function). */
    private static Ran runAs(String logicalId, String function, UnaryOperator<String> edit, String... events)
            throws Exception {
        SamTemplate.Function definition = cloud.template().functions().stream()
                .filter(candidate -> candidate.codeUri().endsWith("/" + function + ".zip"))
                .filter(candidate -> logicalId == null || candidate.logicalId().equals(logicalId)).findFirst()
                .orElseThrow(() -> new AssertionError("template.yaml has no function with " + function + ".zip"));
        LocalFunction local = cloud.functions().get(definition.logicalId());
        Path dir = LambdaZips.unzip(root.resolve(definition.codeUri()), work.resolve(function));
        String seq = BenchEvents.seq(INVOCATIONS.updateAndGet(BenchEvents::nextSeq));
        // the response the samples are about, as submission would have stored it
        String inserted = Files.readString(root.resolve("events/enrichment/response-inserted.json"));
        cloud.dynamoDb().putItem(request -> request.tableName(table("ResponsesTable"))
                .item(BenchEvents.storedResponse(inserted, seq)));
        List<String> arguments = new ArrayList<>(List.of("invoke", definition.handlerClass(), seq));
        for (String event : events) {
            Path file = Files.createDirectories(work.resolve("events")).resolve(function + "-" + event);
            Files.writeString(file, edit.apply(BenchEvents.personalize(
                    Files.readString(root.resolve("events").resolve(function).resolve(event)))));
            arguments.add(file.toString());
        }
        // every class the child loads, named in a file of its own: what a function's path needs, and so its cold start
        Path classLog = work.resolve(function + "-" + seq + "-classes.txt");
        Map<String, String> environment = new java.util.HashMap<>(ChildJvm.lambdaEnvironment(dir, local.variables()));
        environment.put("JAVA_TOOL_OPTIONS", "-Xlog:class+load=info:file=" + classLog + ":none");
        ChildJvm child = new ChildJvm(Path.of(System.getProperty("java.home"), "bin", "java"),
                LambdaZips.classpath(runtime, dir), local.memoryMb(), environment);
        ChildJvm.Output output;
        try {
            output = child.run(arguments.toArray(String[]::new));
        } catch (IllegalStateException failed) {
            throw new AssertionError(function + "'s zip failed as Lambda would run it, on " + List.of(events) + ": "
                    + failed.getMessage(), failed);
        }
        List<String> loaded = Files.readAllLines(classLog).stream().map(line -> line.split(" ", 2)[0]).toList();
        Ran ran = new Ran(function, seq, output.lines("result"), output.all(), output.tail(), loaded);
        assertThat(ran.results()).as(ran.why("every event invoked")).hasSize(events.length);
        assertThat(output.all().lines()).as(ran.why("no class failed to load"))
                .noneMatch(line -> LINKAGE_ERRORS.stream().anyMatch(line::contains));
        return ran;
    }

    /** Detractors in the survey's aggregate cells, the sample's day (2026-11-23) and a day either side. */
    private static long detractorsAroundTheSampleDay() {
        return new DynamoAggregateStore(cloud.dynamoDb(), table("AggregatesTable"))
                .days(SURVEY, LocalDate.of(2026, 11, 22), LocalDate.of(2026, 11, 24)).stream()
                .flatMap(day -> day.cells().values().stream()).mapToLong(tally -> tally.detractors()).sum();
    }

    private static DynamoResponseRepository responses() {
        return new DynamoResponseRepository(cloud.dynamoDb(), table("ResponsesTable"));
    }

    private static String table(String logicalId) {
        return cloud.tableNames().get(logicalId);
    }

    private static void deleteTree(Path dir) throws IOException {
        if (Files.exists(dir)) {
            try (Stream<Path> paths = Files.walk(dir)) {
                for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
                    Files.delete(path);
                }
            }
        }
    }
}
