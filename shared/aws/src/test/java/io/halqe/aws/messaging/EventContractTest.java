package io.halqe.aws.messaging;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SchemaRegistryConfig;
import com.networknt.schema.SpecificationVersion;
import io.halqe.aws.json.Json;
import io.halqe.domain.alerts.AlertRules;
import io.halqe.domain.alerts.AlertSettings;
import io.halqe.domain.alerts.ApplyAlertRules;
import io.halqe.domain.cases.CaseRepository;
import io.halqe.domain.cases.CaseStatus;
import io.halqe.domain.core.DeliveryLedger;
import io.halqe.domain.cases.FollowUpCase;
import io.halqe.domain.core.Notifier;
import io.halqe.domain.core.Team;
import io.halqe.domain.core.TeamDirectory;
import io.halqe.domain.analytics.Match;
import io.halqe.domain.customers.CustomerProfile;
import io.halqe.domain.enrichment.EnrichResponses;
import io.halqe.domain.response.Enrichment;
import io.halqe.domain.response.NpsCategory;
import io.halqe.domain.events.CaseOpened;
import io.halqe.domain.events.ResponseEnriched;
import io.halqe.domain.response.Answer;
import io.halqe.domain.core.Page;
import io.halqe.domain.response.Response;
import io.halqe.domain.response.ResponseStatus;
import io.halqe.domain.survey.QuestionType;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** What we publish matches the versioned schemas in events/schemas, and so do the sample events. */
class EventContractTest {

    private static final Path EVENTS = Path.of(System.getProperty("halqe.repoRoot", "../.."), "events");
    private static final Instant AT = Instant.parse("2026-11-23T10:00:00Z");
    /** Every side effect may happen: these tests look at what is published, not at deduplication. */
    private static final DeliveryLedger CLAIMS_EVERY_KEY = new DeliveryLedger() {
        @Override
        public boolean claim(String key, Instant at) {
            return true;
        }

        @Override
        public void release(String key) {
        }

        @Override
        public boolean claimed(String key, Instant at) {
            return false;
        }
    };

    private static Schema schema(String file) throws IOException {
        SchemaRegistryConfig config = SchemaRegistryConfig.builder().formatAssertionsEnabled(true).build();
        return SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_2020_12,
                        registry -> registry.schemaRegistryConfig(config))
                .getSchema(Files.readString(EVENTS.resolve("schemas").resolve(file)));
    }

    private static JsonNode asPublished(Object detail) throws IOException {
        return Json.MAPPER.readTree(Json.write(detail));
    }

    private static Response response(Map<String, Answer> answers) {
        return new Response("r1", "demo-nps", 1, answers, "en", AT, ResponseStatus.RECEIVED, null, Map.of("plan", "pro"),
                "cust-1", "inv-1", false);
    }

    @Test
    void responseEnriched_shouldMatchItsSchema_forScoresTextChoicesAndNoNps() throws IOException {
        Schema schema = schema("ResponseEnriched.v1.json");
        for (Map<String, Answer> answers : List.of(
                Map.<String, Answer>of("nps", new Answer.Score(QuestionType.NPS, 2), "comment", new Answer.Text("<b>late</b>")),
                Map.<String, Answer>of("plan", new Answer.Choices(List.of("pro"))))) {
            Response response = response(answers);
            ResponseEnriched event = EnrichResponses.eventFor(response, new Enrichment(2, NpsCategory.DETRACTOR,
                    "<b>late</b>", "en", 1, "negative", -0.5, List.of("delivery"), "complaint", List.of("late"),
                    List.of(new Match("theme", "late", "delivery")),
                    new CustomerProfile("c-1", "Sara", null, null, "enterprise", null, null, null, null, "fa", null, Map.of(), AT),
                    List.of("support"), List.of(), "checkout", AT));
            assertThat(schema.validate(asPublished(event))).as("%s", answers).isEmpty();
        }
    }

    @Test
    void schemas_shouldRejectADetailThatBreaksTheContract() throws IOException {
        JsonNode broken = Json.MAPPER.readTree("{\"version\":\"1\",\"responseId\":\"r\",\"surveyId\":\"s\","
                + "\"surveyVersion\":1,\"submittedAt\":\"yesterday\",\"language\":\"en\",\"wordCount\":0,"
                + "\"answers\":{},\"npsCategory\":\"angry\"}");
        assertThat(schema("ResponseEnriched.v1.json").validate(broken)).hasSizeGreaterThanOrEqualTo(2);
    }

    @Test
    void sampleAlertsEvent_shouldCarryAValidResponseEnrichedDetail() throws IOException {
        JsonNode sample = Json.MAPPER.readTree(EVENTS.resolve("alerts/detractor-response-enriched.json").toFile());
        assertThat(sample.get("detail-type").asText()).isEqualTo(ResponseEnriched.DETAIL_TYPE);
        assertThat(schema("ResponseEnriched.v1.json").validate(sample.get("detail"))).isEmpty();
    }

    @Test
    void caseOpenedAndTeamAlert_shouldMatchTheirSchemas_asTheDetractorRulePublishesThem() throws IOException {
        List<Object> published = new ArrayList<>();
        List<Notifier.Notification> alerts = new ArrayList<>();
        CaseRepository cases = new CaseRepository() {
            @Override
            public Opened openIfAbsent(FollowUpCase followUpCase) {
                return new Opened(followUpCase, true);
            }

            @Override
            public Optional<FollowUpCase> find(String caseId) {
                return Optional.empty();
            }

            @Override
            public boolean anonymise(String caseId) {
                return false;
            }

            @Override
            public Page<FollowUpCase> listByStatus(CaseStatus status, int limit, String cursor) {
                return new Page<>(List.of(), null);
            }

            @Override
            public Optional<Closed> close(String caseId, String resolution, Instant at) {
                return Optional.empty();
            }

            @Override
            public io.halqe.domain.cases.CaseWork work(String caseId) {
                return io.halqe.domain.cases.CaseWork.NONE;
            }

            @Override
            public Optional<FollowUpCase> update(String caseId, CaseStatus from, CaseStatus to,
                                                 io.halqe.domain.cases.UpdateCase.Patch patch, Instant at) {
                return Optional.empty();
            }

            @Override
            public boolean addNote(String caseId, io.halqe.domain.cases.CaseWork.Note note) {
                return false;
            }

            @Override
            public List<FollowUpCase> overdue(CaseStatus status, Instant now, int limit) {
                return List.of();
            }

            @Override
            public boolean markEscalated(String caseId, Instant at) {
                return false;
            }

            @Override
            public boolean recordRemeasurement(String caseId, io.halqe.domain.cases.CaseWork.Remeasurement measured) {
                return false;
            }

            @Override
            public int recordEscalationFailure(String caseId) {
                return 0;
            }

            @Override
            public void deferEscalation(String caseId, Instant retryAt) {
            }

            @Override
            public void parkEscalation(String caseId) {
            }

            @Override
            public void clearEscalationFailures(String caseId) {
            }
        };
        TeamDirectory teams = new TeamDirectory() {
            @Override
            public Optional<Team> team(String teamId) {
                return Optional.empty();
            }

            @Override
            public void save(Team team) {
            }
        };
        var rules = AlertRules.defaults(Duration.ofHours(48));
        var noDigests = new io.halqe.domain.alerts.DigestStore() {
            @Override
            public void add(io.halqe.domain.alerts.DigestEntry entry) {
            }

            @Override
            public List<io.halqe.domain.alerts.DigestEntry> entries(io.halqe.domain.alerts.DigestPeriod period,
                                                                   String periodKey) {
                return List.of();
            }
        };
        new ApplyAlertRules(new io.halqe.aws.routing.EventRulerAlertMatcher(() -> rules), cases, teams, email -> { },
                alerts::add, published::addAll, CLAIMS_EVERY_KEY, noDigests,
                new AlertSettings("support", "owner@example.com", "", java.time.ZoneId.of("UTC")),
                new io.halqe.domain.alerts.AlertStorms((key, amount, expiresAt) -> 1, 0, noDigests, java.time.ZoneOffset.UTC),
                (survey, response) -> true)
                .handle(new ResponseEnriched("1", "r1", "demo-nps", 1, AT, "en", 2, "detractor", "late", 1,
                        Map.of("nps", 2), Map.of(), null, false, "negative", -0.4, List.of("delivery"), "complaint",
                        List.of(), null, List.of("support"), List.of(), null), AT);
        assertThat(published).singleElement().isInstanceOf(CaseOpened.class);
        assertThat(schema("CaseOpened.v1.json").validate(asPublished(published.get(0)))).isEmpty();
        assertThat(schema("TeamAlert.v1.json").validate(asPublished(alerts.get(0).message()))).isEmpty();
    }

    @Test
    void scoreShifted_shouldMatchItsSchema_asTheDetectorPublishesIt() throws IOException {
        var store = new java.util.HashMap<io.halqe.domain.scoring.DayKey, io.halqe.domain.scoring.AggregateStore.StoredDay>();
        java.time.LocalDate monday = java.time.LocalDate.parse("2026-11-23");
        store.put(new io.halqe.domain.scoring.DayKey("s1", monday.minusDays(6)), new io.halqe.domain.scoring.AggregateStore.StoredDay(
                monday.minusDays(6), 1, Map.of("all=all", new io.halqe.domain.scoring.Tally(100, 60, 20, 20, 0, 0, 0, 0, 0, 0, 0, 0, 0)), Map.of()));
        store.put(new io.halqe.domain.scoring.DayKey("s1", monday), new io.halqe.domain.scoring.AggregateStore.StoredDay(
                monday, 1, Map.of("all=all", new io.halqe.domain.scoring.Tally(100, 30, 20, 50, 0, 0, 0, 0, 0, 0, 0, 0, 0)), Map.of()));
        io.halqe.domain.scoring.AggregateStore days = new io.halqe.domain.scoring.AggregateStore() {
            @Override
            public Map<io.halqe.domain.scoring.DayKey, StoredDay> load(java.util.Collection<io.halqe.domain.scoring.DayKey> keys) {
                return Map.of();
            }

            @Override
            public boolean add(io.halqe.domain.scoring.DayKey key, StoredDay current,
                               Map<String, io.halqe.domain.scoring.Tally> delta, Map<Integer, String> newWatermarks) {
                return false;
            }

            @Override
            public List<StoredDay> days(String surveyId, java.time.LocalDate from, java.time.LocalDate to) {
                return store.values().stream().sorted(java.util.Comparator.comparing(StoredDay::day)).toList();
            }
        };
        List<Object> published = new ArrayList<>();
        new io.halqe.domain.scoring.DetectShifts(days, published::addAll, CLAIMS_EVERY_KEY).check(java.util.Set.of("s1"), monday);
        assertThat(published).hasSize(1);
        assertThat(schema("ScoreShifted.v1.json").validate(asPublished(published.get(0)))).isEmpty();
    }
}
