package io.halqe.local.template;

import static org.assertj.core.api.Assertions.assertThat;

import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.RequestStreamHandler;
import io.halqe.local.runtime.SamTemplate;
import io.halqe.local.runtime.SamTemplate.Intrinsic;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import org.junit.jupiter.api.Test;

/** template.yaml held against the code and the built artifacts (runs after every function is packaged). */
class TemplateContractTest {

    private static final SamTemplate TEMPLATE = SamTemplate.load();
    private static final Path ROOT = SamTemplate.locate().getParent();
    private static final Pattern VARIABLE = Pattern.compile("\"(HALQE_[A-Z0-9_]+)\"");
    private static final Pattern SUB_REFERENCE = Pattern.compile("\\$\\{([A-Za-z0-9]+)(?:\\.[A-Za-z]+)?}");
    private static final Set<String> GRANTABLE = Set.of("AWS::DynamoDB::Table", "AWS::Events::EventBus", "AWS::SNS::Topic",
            "AWS::SecretsManager::Secret", "AWS::Cognito::UserPool");

    private static Path moduleOf(SamTemplate.Function function) {
        return ROOT.resolve(function.codeUri()).getParent().getParent();
    }

    /** Logical ids of resources an intrinsic-bearing value refers to (parameters and pseudo parameters excluded). */
    private static Set<String> referencedResources(Object value) {
        Set<String> found = new LinkedHashSet<>();
        collect(value, found);
        found.retainAll(TEMPLATE.resources().keySet());
        return found;
    }

    private static void collect(Object value, Set<String> found) {
        if (value instanceof Intrinsic intrinsic) {
            switch (intrinsic.fn()) {
                case "Ref" -> found.add(String.valueOf(intrinsic.argument()));
                case "Fn::GetAtt" -> found.add(String.valueOf(SamTemplate.list(intrinsic.argument()).get(0)));
                case "Fn::Sub" -> {
                    Matcher names = SUB_REFERENCE.matcher(String.valueOf(intrinsic.argument()));
                    while (names.find()) {
                        found.add(names.group(1));
                    }
                }
                default -> collect(intrinsic.argument(), found);
            }
        } else if (value instanceof Map<?, ?> map) {
            map.values().forEach(v -> collect(v, found));
        } else if (value instanceof List<?> list) {
            list.forEach(v -> collect(v, found));
        }
    }

    private static Set<String> grantable(Set<String> resources) {
        Set<String> kept = new TreeSet<>();
        resources.forEach(id -> TEMPLATE.resourceType(id).filter(GRANTABLE::contains).ifPresent(type -> kept.add(id)));
        return kept;
    }

    /** The variables named in a source file, or in the sources under a directory. */
    private static Set<String> variablesReadIn(Path sources) throws IOException {
        return Sources.named(sources, VARIABLE);
    }

    @Test
    void template_shouldDeclareTheEightFunctionsOnJava21Arm64WithSnapStartOnAPublishedAlias() {
        Map<String, Object> globals = TEMPLATE.globalsFunction();
        assertThat(TEMPLATE.functions()).extracting(SamTemplate.Function::logicalId).containsExactlyInAnyOrder(
                "SubmissionFunction", "EnrichmentFunction", "ScoringFunction", "AlertsFunction", "RemeasureFunction",
                "ApiFunction", "SignInsFunction", "ConsoleFunction");
        for (SamTemplate.Function function : TEMPLATE.functions()) {
            Map<String, Object> p = function.properties();
            assertThat(p.getOrDefault("Runtime", globals.get("Runtime"))).as(function.logicalId()).isEqualTo("java21");
            assertThat(p.getOrDefault("Architectures", globals.get("Architectures"))).isEqualTo(List.of("arm64"));
            assertThat(p.getOrDefault("AutoPublishAlias", globals.get("AutoPublishAlias"))).isNotNull();
            assertThat(SamTemplate.map(p.getOrDefault("SnapStart", globals.get("SnapStart"))))
                    .containsEntry("ApplyOn", "PublishedVersions");
            assertThat(p).containsKey("LoggingConfig");
            Object logGroup = SamTemplate.map(p.get("LoggingConfig")).get("LogGroup");
            String logGroupId = referencedResources(logGroup).iterator().next();
            assertThat(SamTemplate.map(TEMPLATE.properties(logGroupId))).containsKey("RetentionInDays");
        }
    }

    /** Issue 16's budget: a zip holds only what its function loads (the SDK shrunk to the calls it makes). */
    static final long ZIP_BUDGET_BYTES = 10_000_000;

    @Test
    void everyZip_shouldStayWithinItsBudget_whenPackaged() throws Exception {
        // GIVEN every function's zip as `mvn package` builds it
        for (SamTemplate.Function function : TEMPLATE.functions()) {
            Path zip = ROOT.resolve(function.codeUri());
            // THEN it is at most 10 MB, and carries no whole AWS SDK service jar
            assertThat(Files.size(zip)).as("%s zip size", function.logicalId()).isLessThanOrEqualTo(ZIP_BUDGET_BYTES);
            try (ZipFile archive = new ZipFile(zip.toFile())) {
                assertThat(archive.stream().map(ZipEntry::getName))
                        .as("jars of %s", function.logicalId())
                        .noneMatch(name -> name.matches("lib/(dynamodb|sesv2|sns|eventbridge|secretsmanager|bedrockruntime|sdk-core|aws-lambda-java-events|joda-time)-.*\\.jar"));
            }
        }
    }

    @Test
    void everyZipsJars_shouldHoldTheirClassesStored_whenPackaged() throws Exception {
        // GIVEN every function's zip as `mvn package` builds it
        for (SamTemplate.Function function : TEMPLATE.functions()) {
            try (ZipFile archive = new ZipFile(ROOT.resolve(function.codeUri()).toFile())) {
                List<? extends ZipEntry> jars = archive.stream()
                        .filter(entry -> entry.getName().startsWith("lib/") && entry.getName().endsWith(".jar")).toList();
                assertThat(jars).as("jars of %s", function.logicalId()).isNotEmpty();
                for (ZipEntry jar : jars) {
                    // WHEN each jar's entries are read
                    try (var entries = new java.util.zip.ZipInputStream(archive.getInputStream(jar))) {
                        for (ZipEntry entry = entries.getNextEntry(); entry != null; entry = entries.getNextEntry()) {
                            // THEN each is stored, so a class loads without being inflated (functions/StoreJars.java)
                            assertThat(entry.getMethod()).as("%s in %s of %s", entry.getName(), jar.getName(),
                                    function.logicalId()).isEqualTo(ZipEntry.STORED);
                        }
                    }
                }
            }
        }
    }

    @Test
    void bedrockRuntime_shouldBeInTheEnrichmentZipAlone_whenPackaged() throws Exception {
        // GIVEN every function's zip as `mvn package` builds it
        for (SamTemplate.Function function : TEMPLATE.functions()) {
            // WHEN the classes of its shrunk SDK jar are listed
            Set<String> bedrock = new TreeSet<>();
            try (ZipFile archive = new ZipFile(ROOT.resolve(function.codeUri()).toFile());
                 var shrunk = new java.util.jar.JarInputStream(archive.getInputStream(archive.getEntry("lib/shrunk.jar")))) {
                for (ZipEntry entry = shrunk.getNextEntry(); entry != null; entry = shrunk.getNextEntry()) {
                    if (entry.getName().startsWith("software/amazon/awssdk/services/bedrockruntime/")) {
                        bedrock.add(entry.getName());
                    }
                }
            }
            // THEN only enrichment carries Bedrock Runtime (its Converse call), and no other function any of it
            if (function.logicalId().equals("EnrichmentFunction")) {
                assertThat(bedrock).as("Bedrock Runtime in %s", function.logicalId())
                        .contains("software/amazon/awssdk/services/bedrockruntime/BedrockRuntimeClient.class");
            } else {
                assertThat(bedrock).as("Bedrock Runtime in %s", function.logicalId()).isEmpty();
            }
        }
    }

    @Test
    void everyHandler_shouldReadItsEventsAsAStream_whenLambdaInvokesIt() throws Exception {
        // GIVEN every function's handler class
        for (SamTemplate.Function function : TEMPLATE.functions()) {
            Class<?> handler = Class.forName(function.handlerClass());
            // THEN Lambda hands it the raw JSON: no typed serializer's reflection at init, our own mapper reads it
            assertThat(RequestStreamHandler.class.isAssignableFrom(handler))
                    .as("%s is a RequestStreamHandler", handler).isTrue();
        }
    }

    @Test
    void everyHandler_shouldBeAClassAtTheRootOfItsZip_withDependenciesInLib() throws Exception {
        for (SamTemplate.Function function : TEMPLATE.functions()) {
            Path zip = ROOT.resolve(function.codeUri());
            assertThat(zip).as("CodeUri of %s", function.logicalId()).exists();
            try (ZipFile archive = new ZipFile(zip.toFile())) {
                String classEntry = function.handlerClass().replace('.', '/') + ".class";
                assertThat(archive.getEntry(classEntry)).as("%s in %s", classEntry, zip).isNotNull();
                List<String> libs = archive.stream().map(ZipEntry::getName).filter(n -> n.startsWith("lib/") && n.endsWith(".jar")).toList();
                assertThat(libs).as("dependency jars of %s", function.logicalId()).isNotEmpty()
                        .noneMatch(n -> n.contains("apache-client") || n.contains("apache5-client") || n.contains("netty"));
            }
            Class<?> handler = Class.forName(function.handlerClass());
            assertThat(RequestHandler.class.isAssignableFrom(handler) || RequestStreamHandler.class.isAssignableFrom(handler))
                    .as("%s is a Lambda handler", handler).isTrue();
            assertThat(function.handler()).endsWith("::handleRequest");
        }
    }

    /** The handler's source: it names the variables its function reads ({@code Adapters.forFunction}). */
    private static Path handlerSource(SamTemplate.Function function) {
        return moduleOf(function).resolve("src/main/java").resolve(function.handlerClass().replace('.', '/') + ".java");
    }

    @Test
    void everyVariableTheCodeReads_shouldBeSetForItsFunction_andNoneUnused() throws IOException {
        // shared code reads no HALQE_ variable itself, and in a function module only the handlers name one, so each
        // handler says all its function reads (two functions from one zip each read their own)
        assertThat(variablesReadIn(ROOT.resolve("shared/domain/src/main/java"))).isEmpty();
        assertThat(variablesReadIn(ROOT.resolve("shared/aws/src/main/java"))).isEmpty();
        for (SamTemplate.Function function : TEMPLATE.functions()) {
            Set<String> byHandlers = new TreeSet<>();
            for (SamTemplate.Function sibling : TEMPLATE.functions()) {
                if (sibling.codeUri().equals(function.codeUri())) {
                    byHandlers.addAll(variablesReadIn(handlerSource(sibling)));
                }
            }
            assertThat(byHandlers).as("variables read in %s's module, all named by its handlers", function.logicalId())
                    .containsAll(variablesReadIn(moduleOf(function).resolve("src/main/java")));
        }
        Set<String> globalVariables = SamTemplate.map(SamTemplate.map(TEMPLATE.globalsFunction().get("Environment"))
                .get("Variables")).keySet();
        for (SamTemplate.Function function : TEMPLATE.functions()) {
            Set<String> read = variablesReadIn(handlerSource(function));
            Set<String> set = function.environment().keySet();
            assertThat(set).as("variables of %s", function.logicalId()).containsAll(read);
            Set<String> own = new TreeSet<>(set);
            own.removeAll(globalVariables);
            assertThat(read).as("variables %s sets but never reads", function.logicalId()).containsAll(own);
        }
    }

    @Test
    void everyTableBusAndTopicAFunctionUses_shouldBeGranted_andNothingMore() {
        for (SamTemplate.Function function : TEMPLATE.functions()) {
            Set<String> used = grantable(referencedResources(function.environment()));
            Set<String> granted = grantable(referencedResources(function.policies()));
            assertThat(granted).as("resources granted to %s", function.logicalId()).isEqualTo(used);
        }
    }

    @Test
    void policies_shouldNeverGrantEverything() {
        for (SamTemplate.Function function : TEMPLATE.functions()) {
            List<String> problems = new ArrayList<>();
            inspect(function.policies(), problems);
            assertThat(problems).as("policies of %s", function.logicalId()).isEmpty();
        }
    }

    private static void inspect(Object policy, List<String> problems) {
        if (policy instanceof Intrinsic intrinsic) {
            // a conditional grant (!If) is held to the same rules as the others
            inspect(intrinsic.argument(), problems);
        } else if (policy instanceof Map<?, ?> map) {
            map.forEach((key, value) -> {
                if ("DynamoDBCrudPolicy".equals(key)) {
                    problems.add("DynamoDBCrudPolicy where a read or write policy suffices");
                }
                if ("Resource".equals(key) && ("*".equals(value) || (value instanceof List<?> l && l.contains("*")))) {
                    problems.add("Resource *");
                }
                if ("Action".equals(key) && String.valueOf(value).contains(":*")) {
                    problems.add("wildcard action " + value);
                }
                inspect(value, problems);
            });
        } else if (policy instanceof List<?> list) {
            list.forEach(item -> inspect(item, problems));
        }
    }

    @Test
    void auditTable_shouldBeAppendOnly_whateverFunctionIsAsked() {
        // GIVEN every statement of every function that names the audit table
        List<String> actions = new ArrayList<>();
        TEMPLATE.functions().forEach(function -> statements(function.policies()).stream()
                .filter(statement -> String.valueOf(statement.get("Resource")).contains("AuditTable"))
                .forEach(statement -> actions.add(function.logicalId() + " " + statement.get("Action"))));
        // THEN the API function appends and reads, the sign-ins trigger appends, and nothing anywhere may update,
        // delete or overwrite in bulk
        assertThat(actions).containsExactly("ApiFunction [dynamodb:PutItem, dynamodb:Query]",
                "SignInsFunction [dynamodb:PutItem]");
        TEMPLATE.functions().forEach(function -> assertThat(String.valueOf(function.policies())).as(function.logicalId())
                .satisfiesAnyOf(text -> assertThat(text).doesNotContain("AuditTable"),
                        text -> assertThat(text).doesNotContain("CrudPolicy", "WritePolicy", "PartiQL")));
    }

    /** The maps with an Action among {@code policy}, wherever they sit (conditional grants included). */
    private static List<Map<?, ?>> statements(Object policy) {
        List<Map<?, ?>> found = new ArrayList<>();
        if (policy instanceof Intrinsic intrinsic) {
            found.addAll(statements(intrinsic.argument()));
        } else if (policy instanceof Map<?, ?> map) {
            if (map.containsKey("Action")) {
                found.add(map);
            }
            map.values().forEach(value -> found.addAll(statements(value)));
        } else if (policy instanceof List<?> list) {
            list.forEach(item -> found.addAll(statements(item)));
        }
        return found;
    }

    @Test
    void bedrock_shouldBeGrantedToEnrichmentAlone_onlyWhenAModelIsNamed_andForThatModelOnly() {
        // GIVEN the template's grants, resolved as a stack without and with AnalyzerModelId would have them
        Map<String, String> required = Map.of("SenderEmail", "feedback@halqe.local", "SenderIdentity", "halqe.local",
                "AlertRecipients", "owner@demo.halqe.local", "EscalationEmail", "lead@demo.halqe.local",
                "AdminApiKeySha256", "ab".repeat(32));
        var off = new io.halqe.local.runtime.LocalResolver(TEMPLATE, required);
        var withModel = new java.util.HashMap<>(required);
        withModel.put("AnalyzerModelId", "amazon.nova-micro-v1:0");
        var on = new io.halqe.local.runtime.LocalResolver(TEMPLATE, withModel);
        // THEN no other function is granted anything of Bedrock
        TEMPLATE.functions().stream().filter(function -> !function.logicalId().equals("EnrichmentFunction"))
                .forEach(function -> assertThat(String.valueOf(function.policies())).as(function.logicalId())
                        .doesNotContain("bedrock"));
        Object enrichment = TEMPLATE.function("EnrichmentFunction").policies();
        // AND enrichment is granted nothing of it while no model is named
        assertThat(String.valueOf(off.resolve(enrichment))).doesNotContain("bedrock").doesNotContain("analyzer#");
        // AND with a model: InvokeModel on that foundation model alone, and the analyzer's counters in the Limits table
        String granted = String.valueOf(on.resolve(enrichment));
        assertThat(granted).contains("Action=[bedrock:InvokeModel], Resource=arn:aws:bedrock:us-east-1::foundation-model/amazon.nova-micro-v1:0}")
                .contains("dynamodb:LeadingKeys=[analyzer#*]");
        assertThat(java.util.regex.Pattern.compile("(?<!arn:aws:)bedrock:[A-Za-z*]+").matcher(granted).results()
                .map(m -> m.group()).distinct().toList()).as("Bedrock actions").containsExactly("bedrock:InvokeModel");
        // AND its timeout makes room for a batch of model calls only then
        Object timeout = TEMPLATE.function("EnrichmentFunction").properties().get("Timeout");
        assertThat(off.resolve(timeout)).isEqualTo(TEMPLATE.globalsFunction().get("Timeout"));
        assertThat(((Number) on.resolve(timeout)).intValue()).isGreaterThanOrEqualTo(100 * 2500 / 1000 + 30);
    }

    @Test
    void everyAsynchronousEdge_shouldHaveRetriesAndAFailureDestination() {
        for (SamTemplate.Function function : TEMPLATE.functions()) {
            for (SamTemplate.Event stream : function.events("DynamoDB")) {
                Map<String, Object> p = stream.properties();
                String where = function.logicalId() + "." + stream.name();
                assertThat(p.get("FunctionResponseTypes")).as(where).isEqualTo(List.of("ReportBatchItemFailures"));
                assertThat(p.get("BisectBatchOnFunctionError")).as(where).isEqualTo(true);
                assertThat(((Number) p.get("MaximumRetryAttempts")).intValue()).as(where).isBetween(0, 10);
                assertThat(((Number) p.get("MaximumRecordAgeInSeconds")).intValue()).as(where).isPositive();
                assertThat(p).as(where).containsKeys("BatchSize", "MaximumBatchingWindowInSeconds", "FilterCriteria");
                Map<String, Object> onFailure = SamTemplate.map(SamTemplate.map(p.get("DestinationConfig")).get("OnFailure"));
                assertThat(referencedResources(onFailure.get("Destination"))).as(where).isNotEmpty();
            }
            List<SamTemplate.Event> asynchronous = new ArrayList<>(function.events("EventBridgeRule"));
            asynchronous.addAll(function.events("ScheduleV2"));
            for (SamTemplate.Event event : asynchronous) {
                String where = function.logicalId() + "." + event.name();
                assertThat(event.properties()).as(where).containsKeys("RetryPolicy", "DeadLetterConfig");
                assertThat(referencedResources(event.properties().get("DeadLetterConfig"))).as(where).isNotEmpty();
            }
            if (!asynchronous.isEmpty()) {
                Map<String, Object> invoke = SamTemplate.map(function.properties().get("EventInvokeConfig"));
                Object destination = SamTemplate.map(SamTemplate.map(invoke.get("DestinationConfig")).get("OnFailure"))
                        .get("Destination");
                assertThat(referencedResources(destination)).as("%s async invoke failures", function.logicalId()).isNotEmpty();
            }
        }
    }

    @Test
    void trustBoundaries_shouldHold_inTheGrants_andEveryDeadLetterQueueShouldRaiseAnAlarm() {
        // every PutEvents grant pins the source to halqe: no function can put events as another system
        TEMPLATE.functions().forEach(function -> {
            String policies = String.valueOf(function.policies());
            assertThat(policies).as("%s", function.logicalId()).doesNotContain("EventBridgePutEventsPolicy");
            if (policies.contains("events:PutEvents")) {
                assertThat(policies).as("%s", function.logicalId()).contains("events:source=halqe");
            }
            // no read policy (which grants Scan) on the tables that hold people; reads of them are spelt out
            // (a function with no Policies, the console's, has only its logs)
            for (Object policy : function.policies() == null ? List.of() : (List<?>) function.policies()) {
                if (policy instanceof Map<?, ?> named && named.containsKey("DynamoDBReadPolicy")) {
                    assertThat(referencedResources(named.get("DynamoDBReadPolicy"))).as("%s read policies", function.logicalId())
                            .doesNotContain("DirectoryTable", "CasesTable", "ResponsesTable").isNotEmpty();
                }
            }
        });
        // the public function writes the directory only in the suppression list's partition
        assertThat(String.valueOf(TEMPLATE.function("SubmissionFunction").policies()))
                .contains("dynamodb:LeadingKeys=[SUPPRESSED]").contains("dynamodb:LeadingKeys=[src#*]");
        // and each queue of failed work has an alarm on it
        Set<String> alarmed = new java.util.HashSet<>();
        TEMPLATE.resourcesOfType("AWS::CloudWatch::Alarm").keySet().forEach(id -> alarmed.addAll(
                referencedResources(TEMPLATE.properties(id).get("Dimensions"))));
        assertThat(alarmed).containsAll(TEMPLATE.resourcesOfType("AWS::SQS::Queue").keySet());
    }

    @Test
    void tablesApiAndOutputs_shouldBeAsDesigned() {
        TEMPLATE.resourcesOfType("AWS::DynamoDB::Table").keySet().forEach(id -> {
            Map<String, Object> p = TEMPLATE.properties(id);
            assertThat(p.get("BillingMode")).as(id).isEqualTo("PAY_PER_REQUEST");
            if (id.equals("LimitsTable")) {
                // counters that expire within hours: nothing to stream, nothing to recover
                assertThat(p).as(id).doesNotContainKeys("StreamSpecification", "PointInTimeRecoverySpecification");
            } else if (id.equals("WebhooksTable")) {
                // recoverable; its stream carries keys only, so its signing secrets and payloads stay in the table
                assertThat(SamTemplate.map(p.get("StreamSpecification"))).as(id)
                        .containsEntry("StreamViewType", "KEYS_ONLY");
                assertThat(SamTemplate.map(p.get("PointInTimeRecoverySpecification"))).as(id)
                        .containsEntry("PointInTimeRecoveryEnabled", true);
            } else {
                assertThat(SamTemplate.map(p.get("StreamSpecification"))).as(id)
                        .containsEntry("StreamViewType", "NEW_AND_OLD_IMAGES");
                assertThat(SamTemplate.map(p.get("PointInTimeRecoverySpecification"))).as(id)
                        .containsEntry("PointInTimeRecoveryEnabled", true);
            }
            assertThat(SamTemplate.map(p.get("SSESpecification"))).as(id).containsEntry("SSEEnabled", true);
            if (id.equals("AuditTable")) {
                // entries are kept: nothing may expire them
                assertThat(p).as(id).doesNotContainKey("TimeToLiveSpecification");
            } else {
                assertThat(SamTemplate.map(p.get("TimeToLiveSpecification"))).as(id).containsEntry("Enabled", true);
            }
        });
        List<String> routes = new ArrayList<>();
        TEMPLATE.functions().forEach(f -> f.events("HttpApi").forEach(e ->
                routes.add(e.properties().get("Method") + " " + e.properties().get("Path"))));
        // the public routes, and the admin API route by route (each function's router is held to its own routes)
        assertThat(routes).contains("GET /s/{surveyId}", "POST /s/{surveyId}/responses",
                "OPTIONS /s/{surveyId}/responses", "GET /embed.js", "GET /u/{token}", "POST /u/{token}",
                "POST /api/cases/{caseId}/close", "GET /api/surveys/{surveyId}/metrics",
                "GET /api/surveys/{surveyId}/drivers", "ANY /console/api/{proxy+}", "GET /console/{proxy+}",
                "GET /api/openapi.json", "GET /api/docs", "GET /api/docs/{file}")
                .hasSize(6 + 65 + 3)
                .filteredOn(route -> !route.contains(" /s/") && !route.contains(" /u/") && !route.endsWith("/embed.js"))
                .allMatch(route -> route.split(" ")[1].startsWith("/api/") || route.startsWith("ANY /console/api/")
                        || route.equals("GET /console/{proxy+}"));
        // people's tokens are checked by API Gateway on the console route, and on no other
        List<String> authorized = new ArrayList<>();
        TEMPLATE.functions().forEach(f -> f.events("HttpApi").stream().filter(e -> e.properties().containsKey("Auth"))
                .forEach(e -> authorized.add(e.properties().get("Method") + " " + e.properties().get("Path") + " "
                        + SamTemplate.map(e.properties().get("Auth")).get("Authorizer"))));
        assertThat(authorized).containsExactly("ANY /console/api/{proxy+} People");
        Map<String, Object> api = TEMPLATE.properties("HttpApi");
        assertThat(SamTemplate.map(SamTemplate.map(SamTemplate.map(api.get("Auth")).get("Authorizers")).get("People")))
                .containsEntry("IdentitySource", "$request.header.Authorization").containsKey("JwtConfiguration");
        assertThat(api).doesNotContainKey("CorsConfiguration").containsKey("DefaultRouteSettings");
        assertThat(SamTemplate.map(api.get("RouteSettings"))).containsKey("POST /s/{surveyId}/responses");
        assertThat(SamTemplate.map(TEMPLATE.raw().get("Outputs"))).containsKeys("SurveyBaseUrl", "ApiUrl");
        assertThat(TEMPLATE.functions().stream().flatMap(f -> f.events("ScheduleV2").stream()).map(e -> e.name()))
                .containsExactlyInAnyOrder("Sweep", "Digests");
        assertThat(TEMPLATE.parameters()).containsKeys("SenderEmail", "SenderIdentity", "AlertRecipients");
    }
}
