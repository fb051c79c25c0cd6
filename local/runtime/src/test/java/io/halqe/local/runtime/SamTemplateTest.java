package io.halqe.local.runtime;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.model.CreateTableRequest;
import software.amazon.awssdk.services.dynamodb.model.StreamViewType;

/** template.yaml read by SamTemplate and resolved to local values by LocalResolver. */
class SamTemplateTest {

    private static final SamTemplate TEMPLATE = SamTemplate.load();
    private static final LocalResolver RESOLVER = new LocalResolver(TEMPLATE, Map.of(
            "SenderEmail", "feedback@halqe.local", "SenderIdentity", "halqe.local",
            "AlertRecipients", "owner@demo.halqe.local", "AdminApiKeySha256", "ab".repeat(32),
            "PublicBaseUrl", "http://localhost:3000"));

    @Test
    void functions_shouldListTheSevenFunctionsWithTheirHandlers_whenTheTemplateIsRead() {
        // GIVEN the repository's template
        // WHEN its functions are read
        // THEN the seven functions are there with their handlers and zips (sign-ins from the API's zip)
        assertThat(TEMPLATE.functions()).extracting(SamTemplate.Function::logicalId).containsExactly(
                "SubmissionFunction", "EnrichmentFunction", "ScoringFunction", "AlertsFunction", "RemeasureFunction",
                "ApiFunction", "SignInsFunction", "ConsoleFunction");
        assertThat(TEMPLATE.function("ApiFunction").handlerClass()).isEqualTo("io.halqe.api.ApiHandler");
        assertThat(TEMPLATE.function("SignInsFunction").handlerClass()).isEqualTo("io.halqe.api.SignIns");
        assertThat(TEMPLATE.function("SignInsFunction").codeUri()).isEqualTo("functions/api/target/api.zip");
        assertThat(TEMPLATE.function("SubmissionFunction").codeUri()).isEqualTo("functions/submission/target/submission.zip");
    }

    @Test
    void functions_shouldGroupEventsByType_whenTheTemplateIsRead() {
        // GIVEN the repository's template
        // WHEN the events are read
        // THEN the HTTP routes, stream mappings, rule and schedule are there with their properties
        assertThat(TEMPLATE.function("SubmissionFunction").events("HttpApi"))
                .extracting(event -> event.properties().get("Method") + " " + event.properties().get("Path"))
                .containsExactly("GET /s/{surveyId}", "POST /s/{surveyId}/responses", "OPTIONS /s/{surveyId}/responses",
                        "GET /embed.js", "GET /u/{token}", "POST /u/{token}");
        assertThat(TEMPLATE.function("ApiFunction").events("HttpApi")).hasSize(64)
                .allSatisfy(event -> assertThat((String) event.properties().get("Path")).matches("/(console/)?api/.*"));
        // the console's pages, and the API's description and its viewer (the api zip has no room for them)
        assertThat(TEMPLATE.function("ConsoleFunction").events("HttpApi"))
                .extracting(event -> event.properties().get("Method") + " " + event.properties().get("Path"))
                .containsExactly("GET /console/{proxy+}", "GET /api/openapi.json", "GET /api/docs", "GET /api/docs/{file}");
        assertThat(TEMPLATE.function("EnrichmentFunction").events("DynamoDB")).singleElement().satisfies(event -> {
            assertThat(event.properties().get("BatchSize")).isEqualTo(100);
            assertThat(event.properties().get("Stream"))
                    .isEqualTo(new SamTemplate.Intrinsic("Fn::GetAtt", java.util.List.of("ResponsesTable", "StreamArn")));
        });
        // responses alert rules or webhooks asked for, and score shifts (webhooks)
        assertThat(TEMPLATE.function("AlertsFunction").events("EventBridgeRule")).hasSize(2);
        assertThat(TEMPLATE.function("RemeasureFunction").events("ScheduleV2")).singleElement()
                .satisfies(event -> assertThat(event.properties().get("ScheduleExpression")).isEqualTo("rate(5 minutes)"));
    }

    @Test
    void tables_shouldGiveCreateTableRequests_whenTheTemplateIsRead() {
        // GIVEN the repository's template
        // WHEN the tables are read
        Map<String, SamTemplate.Table> tables = TEMPLATE.tables();
        // THEN each has its keys, GSIs and stream
        assertThat(tables.keySet()).containsExactly("SurveysTable", "ResponsesTable", "AggregatesTable", "AuditTable", "CasesTable",
                "DirectoryTable", "LimitsTable", "OutreachTable", "WebhooksTable");
        // (the Limits table holds counters only: a key, no range, no stream)
        assertThat(tables.get("LimitsTable").createTableRequest("t").streamSpecification()).isNull();
        CreateTableRequest responses = tables.get("ResponsesTable").createTableRequest("halqe-local-ResponsesTable");
        assertThat(responses.tableName()).isEqualTo("halqe-local-ResponsesTable");
        assertThat(responses.keySchema()).extracting(key -> key.attributeName() + ":" + key.keyTypeAsString())
                .containsExactly("pk:HASH", "sk:RANGE");
        assertThat(responses.globalSecondaryIndexes()).extracting(gsi -> gsi.indexName()).containsExactly("byId", "bySurvey", "byDraftDue");
        assertThat(responses.streamSpecification().streamViewType()).isEqualTo(StreamViewType.NEW_AND_OLD_IMAGES);
    }

    @Test
    void resolver_shouldMapRefsToLocalNames_whenResolvingIntrinsics() {
        // GIVEN the resolver with the local parameter values
        // WHEN intrinsics are resolved
        // THEN tables, bus, topic, configuration set and parameters get their local values
        assertThat(RESOLVER.resolve(new SamTemplate.Intrinsic("Ref", "SurveysTable"))).isEqualTo("halqe-local-SurveysTable");
        assertThat(RESOLVER.resolve(new SamTemplate.Intrinsic("Ref", "EventBus"))).isEqualTo("halqe-local");
        assertThat(RESOLVER.resolve(new SamTemplate.Intrinsic("Ref", "EmailConfigurationSet"))).isEqualTo("halqe-local");
        assertThat(RESOLVER.resolve(new SamTemplate.Intrinsic("Ref", "TeamAlertsTopic")))
                .isEqualTo("arn:aws:sns:us-east-1:000000000000:halqe-team-alerts-local");
        assertThat(RESOLVER.resolve(new SamTemplate.Intrinsic("Fn::GetAtt", java.util.List.of("TeamAlertsTopic", "TopicName"))))
                .isEqualTo("halqe-team-alerts-local");
        assertThat(RESOLVER.resolve(new SamTemplate.Intrinsic("Ref", "DetractorCaseSla"))).isEqualTo("PT48H");
        assertThat(RESOLVER.resolve(new SamTemplate.Intrinsic("Ref", "Stage"))).isEqualTo("dev");
        assertThat(RESOLVER.resolve(new SamTemplate.Intrinsic("Fn::Sub",
                "arn:${AWS::Partition}:ses:${AWS::Region}:${AWS::AccountId}:identity/${SenderIdentity}")))
                .isEqualTo("arn:aws:ses:us-east-1:000000000000:identity/halqe.local");
        assertThat(RESOLVER.resolve(new SamTemplate.Intrinsic("Fn::Sub", "${OutreachTable.Arn}/index/byDue")))
                .isEqualTo("arn:aws:dynamodb:us-east-1:000000000000:table/halqe-local-OutreachTable/index/byDue");
        assertThat(RESOLVER.condition("IsProd")).isFalse();
    }

    @Test
    void resolver_shouldResolveAFunctionsMergedEnvironment_whenAskedForIt() {
        // GIVEN the alerts function's Globals + own environment
        Map<String, String> environment = RESOLVER.resolveStrings(TEMPLATE.function("AlertsFunction").environment());
        // THEN every variable has its local value
        assertThat(environment)
                .containsEntry("HALQE_STAGE", "dev")
                .containsEntry("HALQE_CASES_TABLE", "halqe-local-CasesTable")
                .containsEntry("HALQE_EVENT_BUS_NAME", "halqe-local")
                .containsEntry("HALQE_ALERTS_TOPIC_ARN", "arn:aws:sns:us-east-1:000000000000:halqe-team-alerts-local")
                .containsEntry("HALQE_SENDER_EMAIL", "feedback@halqe.local")
                .containsEntry("HALQE_SES_CONFIGURATION_SET", "halqe-local")
                .containsEntry("HALQE_DEFAULT_TEAM", "support")
                .containsEntry("HALQE_DEFAULT_OWNER_EMAIL", "owner@demo.halqe.local")
                .containsEntry("HALQE_PUBLIC_BASE_URL", "http://localhost:3000")
                .containsKey("JAVA_TOOL_OPTIONS");
    }

    @Test
    void resolver_shouldLeaveTheBedrockAnalyzerOff_whenNoModelIsNamed() {
        // GIVEN the enrichment function's environment with the parameters' defaults
        Map<String, String> environment = RESOLVER.resolveStrings(TEMPLATE.function("EnrichmentFunction").environment());
        // THEN no model is named, its condition is false, and the budget, timeout and prices have their defaults
        assertThat(RESOLVER.condition("AnalyzerOn")).isFalse();
        assertThat(environment).containsEntry("HALQE_ANALYZER_MODEL_ID", "")
                .containsEntry("HALQE_ANALYZER_MONTHLY_BUDGET_USD", "10")
                .containsEntry("HALQE_ANALYZER_TIMEOUT_MILLIS", "2000")
                .containsEntry("HALQE_ANALYZER_INPUT_PRICE_PER_MILLION", "0")
                .containsEntry("HALQE_ANALYZER_OUTPUT_PRICE_PER_MILLION", "0");
        assertThat(RESOLVER.resolve(TEMPLATE.function("EnrichmentFunction").properties().get("Timeout"))).isEqualTo(30);
    }

    @Test
    void resolver_shouldFail_whenARequiredParameterHasNoValue() {
        // GIVEN a resolver without parameter values
        LocalResolver bare = new LocalResolver(TEMPLATE, Map.of());
        // WHEN a parameter without default is referenced
        // THEN the message names it
        assertThatThrownBy(() -> bare.resolve(new SamTemplate.Intrinsic("Ref", "SenderEmail")))
                .hasMessageContaining("SenderEmail");
    }

    @Test
    void parse_shouldReadShortAndLongFormIntrinsics_whenGivenYaml() {
        // GIVEN a small template with short and long forms
        SamTemplate template = SamTemplate.parse("""
                Parameters:
                  Stage: {Type: String, Default: dev}
                Conditions:
                  IsDev: !Equals [!Ref Stage, dev]
                Resources:
                  T:
                    Type: AWS::DynamoDB::Table
                    Properties:
                      KeySchema: [{AttributeName: pk, KeyType: HASH}]
                      AttributeDefinitions: [{AttributeName: pk, AttributeType: S}]
                """);
        LocalResolver resolver = new LocalResolver(template, Map.of());
        // WHEN long forms, !If and !Join are resolved
        // THEN they give the same values as the short forms
        assertThat(resolver.resolve(Map.of("Ref", "T"))).isEqualTo("halqe-local-T");
        assertThat(resolver.resolve(Map.of("Fn::GetAtt", java.util.List.of("T", "Arn"))))
                .isEqualTo("arn:aws:dynamodb:us-east-1:000000000000:table/halqe-local-T");
        assertThat(resolver.resolve(new SamTemplate.Intrinsic("Fn::If", java.util.List.of("IsDev", "yes", "no")))).isEqualTo("yes");
        assertThat(resolver.resolve(new SamTemplate.Intrinsic("Fn::Join",
                java.util.List.of("-", java.util.List.of("a", new SamTemplate.Intrinsic("Ref", "Stage")))))).isEqualTo("a-dev");
        assertThat(template.tables().get("T").streamViewType()).isEmpty();
    }
}
