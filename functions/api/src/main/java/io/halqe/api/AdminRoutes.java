package io.halqe.api;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonMappingException;
import io.halqe.aws.http.HttpRequests;
import io.halqe.aws.http.HttpResponses;
import io.halqe.aws.json.Json;
import io.halqe.domain.cases.CaseRepository;
import io.halqe.domain.cases.CaseStatus;
import io.halqe.domain.announcements.Announce;
import io.halqe.domain.cases.CloseCase;
import io.halqe.domain.cases.UpdateCase;
import io.halqe.aws.routing.EventRulerRouter;
import io.halqe.domain.alerts.AlertRule;
import io.halqe.domain.alerts.AlertRules;
import io.halqe.domain.cases.ReportEffectiveness;
import io.halqe.domain.outreach.CheckContact;
import io.halqe.domain.outreach.ContactDecision;
import io.halqe.domain.outreach.ContactPolicies;
import io.halqe.domain.outreach.ContactPolicy;
import io.halqe.domain.outreach.TouchpointTrigger;
import io.halqe.domain.outreach.Triggers;
import io.halqe.domain.customers.CustomerDirectory;
import io.halqe.domain.customers.CustomerProfile;
import io.halqe.domain.customers.ManageCustomers;
import io.halqe.domain.links.CreateInvitation;
import io.halqe.domain.routing.RoutingRule;
import io.halqe.domain.routing.RoutingRules;
import io.halqe.domain.response.ResponseRepository;
import io.halqe.domain.scoring.AggregateStore;
import io.halqe.domain.scoring.ReadMetrics;
import java.time.LocalDate;
import java.time.ZoneId;
import io.halqe.domain.survey.ManageSurveys;
import io.halqe.domain.survey.Survey;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/** Routes of the admin API; every answer is JSON, every error {@code {"error":{"code","message"[,"field"]}}}. */
public final class AdminRoutes {

    private static final Pattern CASE = Pattern.compile("/api/cases/([^/]+)");
    private static final Pattern RESPONSE = Pattern.compile("/api/responses/([^/]+)");
    private static final Pattern SURVEY = Pattern.compile("/api/surveys/([^/]+)");
    private static final Pattern SURVEY_RESPONSES = Pattern.compile("/api/surveys/([^/]+)/responses");
    private static final Pattern SURVEY_METRICS = Pattern.compile("/api/surveys/([^/]+)/metrics");
    private static final Pattern CUSTOMER = Pattern.compile("/api/customers/([^/]+)");
    private static final Pattern CUSTOMER_FEEDBACK = Pattern.compile("/api/customers/([^/]+)/feedback");
    static final int MAX_IMPORT_BYTES = 5 * 1024 * 1024;
    static final int DEFAULT_PAGE = 100;
    static final int MAX_PAGE = 1000;
    static final int MAX_BODY_BYTES = 256 * 1024;

    private final CaseRepository cases;
    private final ResponseRepository responses;
    private final ReadMetrics metrics;
    private final ZoneId reportingZone;
    private final ManageSurveys surveys;
    private final CreateInvitation invitations;
    private final ManageCustomers customers;
    private final CustomerDirectory directory;
    private final Settings settings;
    private final CheckContact checkContact;
    private final ReportEffectiveness effectiveness;
    private final CloseCase closeCase;
    private final Announce announce;
    private static final Pattern CASE_CLOSE = Pattern.compile("/api/cases/([^/]+)/close");
    private static final Pattern CASE_NOTES = Pattern.compile("/api/cases/([^/]+)/notes");
    private final UpdateCase updateCase;

    public AdminRoutes(CaseRepository cases, ResponseRepository responses, AggregateStore aggregates, ZoneId reportingZone,
                       ManageSurveys surveys, CreateInvitation invitations, ManageCustomers customers,
                       CustomerDirectory directory, Settings settings, CloseCase closeCase,
                       Announce announce, CheckContact checkContact) {
        this.cases = cases;
        this.responses = responses;
        this.metrics = new ReadMetrics(aggregates);
        this.reportingZone = reportingZone;
        this.surveys = surveys;
        this.invitations = invitations;
        this.customers = customers;
        this.directory = directory;
        this.settings = settings;
        this.checkContact = checkContact;
        this.effectiveness = new ReportEffectiveness(cases, responses);
        this.closeCase = closeCase;
        this.announce = announce;
        this.updateCase = new UpdateCase(cases);
    }

    /** The rules the team edits through the API: routing, alert rules, touchpoint rules and the contact policy. */
    public record Settings(RoutingRules routing, AlertRules alertRules, Triggers triggers, ContactPolicies contactPolicy) {
    }

    public APIGatewayV2HTTPResponse handle(APIGatewayV2HTTPEvent event) {
        String path = HttpRequests.path(event);
        String method = HttpRequests.method(event);
        try {
            Matcher match;
            if (path.equals("/api/announcements")) {
                return "POST".equals(method) ? announce(event) : notAllowed(method, path);
            } else if (path.equals("/api/cases")) {
                return "GET".equals(method) ? listCases(event) : notAllowed(method, path);
            } else if ((match = CASE_CLOSE.matcher(path)).matches()) {
                return "POST".equals(method) ? close(match.group(1), event) : notAllowed(method, path);
            } else if ((match = CASE_NOTES.matcher(path)).matches()) {
                if (!"POST".equals(method)) {
                    return notAllowed(method, path);
                }
                NoteRequest note = body(event, NoteRequest.class);
                return updated(updateCase.note(match.group(1), note.author(), note.text(), HttpRequests.receivedAt(event)));
            } else if ((match = CASE.matcher(path)).matches()) {
                String caseId = match.group(1);
                return switch (method) {
                    case "GET" -> cases.find(caseId).map(found -> HttpResponses.json(200, Views.of(found, cases.work(caseId))))
                            .orElseGet(() -> HttpResponses.error(404, "case_not_found", "there is no case " + caseId));
                    case "PATCH" -> updated(updateCase.patch(caseId, body(event, UpdateCase.Patch.class),
                            HttpRequests.receivedAt(event)));
                    default -> notAllowed(method, path);
                };
            } else if ((match = RESPONSE.matcher(path)).matches()) {
                String responseId = match.group(1);
                return !"GET".equals(method) ? notAllowed(method, path) : responses.find(responseId)
                        .map(found -> HttpResponses.json(200, Views.of(found)))
                        .orElseGet(() -> HttpResponses.error(404, "response_not_found", "there is no response " + responseId));
            } else if (path.equals("/api/surveys")) {
                return switch (method) {
                    case "GET" -> {
                        var page = surveys.list(limit(event), HttpRequests.query(event, "cursor").orElse(null));
                        yield HttpResponses.json(200, Views.page(page.items(), page.next()));
                    }
                    case "POST" -> saved(surveys.create(survey(event)), 201);
                    default -> notAllowed(method, path);
                };
            } else if ((match = SURVEY_RESPONSES.matcher(path)).matches()) {
                if (!"GET".equals(method)) {
                    return notAllowed(method, path);
                }
                var page = responses.listBySurvey(match.group(1), limit(event), HttpRequests.query(event, "cursor").orElse(null));
                return HttpResponses.json(200, Views.page(page.items().stream().map(Views::of).toList(), page.next()));
            } else if ((match = SURVEY_METRICS.matcher(path)).matches()) {
                return "GET".equals(method) ? metrics(match.group(1), event) : notAllowed(method, path);
            } else if ((match = SURVEY.matcher(path)).matches()) {
                String surveyId = match.group(1);
                return switch (method) {
                    case "GET" -> surveys.get(surveyId).map(found -> HttpResponses.json(200, found))
                            .orElseGet(() -> HttpResponses.error(404, "survey_not_found", "there is no survey " + surveyId));
                    case "PUT" -> saved(surveys.update(surveyId, survey(event)), 200);
                    default -> notAllowed(method, path);
                };
            } else if (path.equals("/api/invitations")) {
                return "POST".equals(method) ? invite(event) : notAllowed(method, path);
            } else if (path.equals("/api/customers/import")) {
                return "POST".equals(method) ? importCustomers(event) : notAllowed(method, path);
            } else if ((match = CUSTOMER_FEEDBACK.matcher(path)).matches()) {
                if (!"GET".equals(method)) {
                    return notAllowed(method, path);
                }
                var page = directory.history(match.group(1), limit(event), HttpRequests.query(event, "cursor").orElse(null));
                return HttpResponses.json(200, Views.page(page.items(), page.next()));
            } else if ((match = CUSTOMER.matcher(path)).matches()) {
                String customerId = match.group(1);
                return switch (method) {
                    case "GET" -> directory.find(customerId).map(found -> HttpResponses.json(200,
                                    Views.of(found, directory.health(customerId).orElse(null))))
                            .orElseGet(() -> HttpResponses.error(404, "customer_not_found", "there is no customer " + customerId));
                    case "PUT" -> putCustomer(customerId, event);
                    default -> notAllowed(method, path);
                };
            } else if (path.equals("/api/routing")) {
                return switch (method) {
                    case "GET" -> HttpResponses.json(200, Map.of("rules", settings.routing().current()));
                    case "PUT" -> replaceRules(event, RoutingConfig.class, RoutingConfig::rules, "rules", "invalid_routing",
                            rules -> RoutingRules.problem(rules, EventRulerRouter::isValidPattern),
                            settings.routing()::replace);
                    default -> notAllowed(method, path);
                };
            } else if (path.equals("/api/triggers")) {
                return switch (method) {
                    case "GET" -> HttpResponses.json(200, Map.of("triggers", settings.triggers().current()));
                    case "PUT" -> replaceRules(event, TriggersConfig.class, TriggersConfig::triggers, "triggers",
                            "invalid_triggers", triggers -> Triggers.problem(triggers, EventRulerRouter::isValidPattern),
                            settings.triggers()::replace);
                    default -> notAllowed(method, path);
                };
            } else if (path.equals("/api/contact-policy")) {
                return switch (method) {
                    case "GET" -> HttpResponses.json(200, settings.contactPolicy().current());
                    case "PUT" -> putContactPolicy(event);
                    default -> notAllowed(method, path);
                };
            } else if (path.equals("/api/outreach/dry-run")) {
                return "POST".equals(method) ? dryRun(event) : notAllowed(method, path);
            } else if (path.equals("/api/reports/effectiveness")) {
                return "GET".equals(method) ? HttpResponses.json(200, effectiveness.report(
                        instantQuery(event, "from"), instantQuery(event, "to"))) : notAllowed(method, path);
            } else if (path.equals("/api/alert-rules")) {
                return switch (method) {
                    case "GET" -> HttpResponses.json(200, Map.of("rules", settings.alertRules().current()));
                    case "PUT" -> replaceRules(event, AlertRulesConfig.class, AlertRulesConfig::rules, "rules",
                            "invalid_alert_rules", rules -> AlertRules.problem(rules, EventRulerRouter::isValidPattern),
                            settings.alertRules()::replace);
                    default -> notAllowed(method, path);
                };
            }
            return HttpResponses.error(404, "route_not_found", "no route " + method + " " + path);
        } catch (ResponseRepository.InvalidCursorException invalid) {
            return HttpResponses.error(400, "invalid_cursor", invalid.getMessage(), "cursor");
        } catch (InvalidRequestException invalid) {
            return HttpResponses.error(invalid.status, invalid.code, invalid.getMessage(), invalid.field);
        }
    }

    private static APIGatewayV2HTTPResponse notAllowed(String method, String path) {
        return HttpResponses.error(405, "method_not_allowed", method + " " + path + " is not supported");
    }

    private static APIGatewayV2HTTPResponse saved(ManageSurveys.Outcome outcome, int createdStatus) {
        return switch (outcome) {
            case ManageSurveys.Outcome.Saved saved -> HttpResponses.json(createdStatus, saved.survey());
            case ManageSurveys.Outcome.Invalid invalid -> HttpResponses.error(400, "invalid_survey",
                    invalid.field() + " " + invalid.message(), invalid.field());
            case ManageSurveys.Outcome.Exists exists -> HttpResponses.error(409, "survey_exists",
                    "survey " + exists.surveyId() + " exists; PUT /api/surveys/" + exists.surveyId() + " makes a new version");
            case ManageSurveys.Outcome.NotFound notFound -> HttpResponses.error(404, "survey_not_found",
                    "there is no survey " + notFound.surveyId());
            case ManageSurveys.Outcome.Conflict conflict -> HttpResponses.error(409, "edit_conflict",
                    "survey " + conflict.surveyId() + " changed meanwhile; read it again and retry");
        };
    }

    private APIGatewayV2HTTPResponse invite(APIGatewayV2HTTPEvent event) {
        CreateInvitation.Request request = body(event, CreateInvitation.Request.class);
        return switch (invitations.create(request, HttpRequests.receivedAt(event))) {
            case CreateInvitation.Outcome.Created created -> {
                Map<String, Object> view = new LinkedHashMap<>();
                view.put("invitationId", created.invitation().id());
                view.put("url", created.url());
                view.put("token", created.token());
                view.put("channel", created.invitation().channel());
                view.put("expiresAt", created.invitation().expiresAt().toString());
                view.put("delivered", created.delivered());
                yield HttpResponses.json(201, view);
            }
            case CreateInvitation.Outcome.Invalid invalid -> HttpResponses.error(400, "invalid_invitation",
                    invalid.field() + " " + invalid.message(), invalid.field());
            case CreateInvitation.Outcome.SurveyNotFound notFound -> HttpResponses.error(404, "survey_not_found",
                    "there is no survey " + notFound.surveyId());
        };
    }

    private APIGatewayV2HTTPResponse putCustomer(String customerId, APIGatewayV2HTTPEvent event) {
        CustomerProfile profile = body(event, CustomerProfile.class);
        if (profile.id() != null && !profile.id().equals(customerId)) {
            return HttpResponses.error(400, "invalid_customer", "id must match the customer in the path (" + customerId + ")", "id");
        }
        CustomerProfile withId = new CustomerProfile(customerId, profile.name(), profile.email(), profile.phone(),
                profile.segment(), profile.plan(), profile.lifetimeValue(), profile.region(), profile.accountOwner(),
                profile.language(), profile.timeZone(), profile.attributes(), profile.updatedAt());
        return switch (customers.upsert(withId, HttpRequests.receivedAt(event))) {
            case ManageCustomers.Outcome.Saved saved -> saved.how() == CustomerDirectory.Upserted.STALE
                    ? HttpResponses.error(409, "stale_update", "a newer version of customer " + customerId
                    + " is stored (updatedAt " + profile.updatedAt() + " is older)", "updatedAt")
                    : HttpResponses.json(saved.how() == CustomerDirectory.Upserted.CREATED ? 201 : 200, saved.profile());
            case ManageCustomers.Outcome.Invalid invalid -> HttpResponses.error(400, "invalid_customer",
                    invalid.field() + " " + invalid.message(), invalid.field());
        };
    }

    /** NDJSON or CSV by content type; the answer is a per-row report (200 even when some rows failed). */
    private APIGatewayV2HTTPResponse importCustomers(APIGatewayV2HTTPEvent event) {
        String contentType = HttpRequests.header(event, "content-type").orElse("").toLowerCase(java.util.Locale.ROOT);
        if (HttpRequests.bodyLength(event) > MAX_IMPORT_BYTES) {
            return HttpResponses.error(413, "payload_too_large", "an import is at most " + MAX_IMPORT_BYTES + " bytes; split it");
        }
        String body;
        try {
            body = HttpRequests.body(event);
        } catch (HttpRequests.MalformedBodyException notUtf8) {
            return HttpResponses.error(400, "invalid_encoding", notUtf8.getMessage());
        }
        List<ManageCustomers.Row> rows;
        if (contentType.startsWith("application/x-ndjson") || contentType.startsWith("application/jsonl")) {
            rows = CustomerImport.ndjson(body);
        } else if (contentType.startsWith("text/csv")) {
            rows = CustomerImport.csv(body);
        } else {
            return HttpResponses.error(415, "unsupported_media_type", "send application/x-ndjson or text/csv");
        }
        return HttpResponses.json(200, customers.importRows(rows, HttpRequests.receivedAt(event)));
    }

    /**
     * PUT of a rule list (routing, alert rules, touchpoint rules): validated as a whole — a 400 names the rule and
     * field, and nothing is stored — then stored in one write.
     */
    private static <C, T> APIGatewayV2HTTPResponse replaceRules(APIGatewayV2HTTPEvent event, Class<C> type,
                                                                java.util.function.Function<C, List<T>> listed,
                                                                String field, String code,
                                                                java.util.function.Function<List<T>, java.util.Optional<String>> problem,
                                                                java.util.function.Consumer<List<T>> store) {
        List<T> rules = java.util.Objects.requireNonNullElse(listed.apply(body(event, type)), List.of());
        var wrong = problem.apply(rules);
        if (wrong.isPresent()) {
            return HttpResponses.error(400, code, wrong.get(), field);
        }
        store.accept(rules);
        return HttpResponses.json(200, Map.of(field, rules));
    }

    record RoutingConfig(List<RoutingRule> rules) {
    }

    record AlertRulesConfig(List<AlertRule> rules) {
    }

    record TriggersConfig(List<TouchpointTrigger> triggers) {
    }

    private APIGatewayV2HTTPResponse putContactPolicy(APIGatewayV2HTTPEvent event) {
        ContactPolicy policy = body(event, ContactPolicy.class);
        var problem = policy.problem();
        if (problem.isPresent()) {
            return HttpResponses.error(400, "invalid_contact_policy", problem.get(), problem.get().split(" ")[0]);
        }
        settings.contactPolicy().replace(policy);
        return HttpResponses.json(200, policy);
    }

    private APIGatewayV2HTTPResponse dryRun(APIGatewayV2HTTPEvent event) {
        return switch (checkContact.check(body(event, CheckContact.Request.class), HttpRequests.receivedAt(event))) {
            case CheckContact.Outcome.Checked checked -> {
                Map<String, Object> view = new LinkedHashMap<>();
                switch (checked.decision()) {
                    case ContactDecision.Contact contact -> view.put("wouldContact", true);
                    case ContactDecision.Defer defer -> {
                        view.put("wouldContact", false);
                        view.put("reason", "quiet_hours");
                        view.put("deferredUntil", defer.until().toString());
                    }
                    case ContactDecision.Skip skip -> {
                        view.put("wouldContact", false);
                        view.put("reason", skip.reason());
                        view.put("detail", skip.detail());
                    }
                }
                view.put("lastContactAt", checked.lastContact() == null ? null : checked.lastContact().toString());
                yield HttpResponses.json(200, view);
            }
            case CheckContact.Outcome.Invalid invalid -> HttpResponses.error(400, "invalid_dry_run",
                    invalid.field() + " " + invalid.message(), invalid.field());
        };
    }

    private static java.time.Instant instantQuery(APIGatewayV2HTTPEvent event, String name) {
        return HttpRequests.query(event, name).map(value -> {
            try {
                return java.time.Instant.parse(value);
            } catch (java.time.format.DateTimeParseException e) {
                throw new InvalidRequestException(400, "invalid_" + name, name + " must be an ISO-8601 instant", name);
            }
        }).orElse(null);
    }

    record NoteRequest(String author, String text) {
    }

    private static APIGatewayV2HTTPResponse updated(UpdateCase.Outcome outcome) {
        return switch (outcome) {
            case UpdateCase.Outcome.Updated updated -> HttpResponses.json(200, Views.of(updated.followUpCase(), updated.work()));
            case UpdateCase.Outcome.NotFound notFound -> HttpResponses.error(404, "case_not_found",
                    "there is no case " + notFound.caseId());
            case UpdateCase.Outcome.Invalid invalid -> HttpResponses.error(400, "invalid_case",
                    invalid.field() + " " + invalid.message(), invalid.field());
            case UpdateCase.Outcome.Conflict conflict -> HttpResponses.error(409, "edit_conflict",
                    "case " + conflict.caseId() + " changed meanwhile; read it again and retry");
        };
    }

    private APIGatewayV2HTTPResponse close(String caseId, APIGatewayV2HTTPEvent event) {
        return switch (closeCase.close(caseId, body(event, CloseCase.Request.class), HttpRequests.receivedAt(event))) {
            case CloseCase.Outcome.Closed closed -> {
                Map<String, Object> view = new LinkedHashMap<>(Views.of(closed.followUpCase()));
                view.put("customerNotified", closed.customerNotified());
                view.put("resurveyAt", closed.resurveyAt() == null ? null : closed.resurveyAt().toString());
                if (!closed.customerNotified()) {
                    view.put("notNotifiedBecause", closed.notNotifiedBecause());
                }
                yield HttpResponses.json(200, view);
            }
            case CloseCase.Outcome.NotFound notFound -> HttpResponses.error(404, "case_not_found", "there is no case " + caseId);
            case CloseCase.Outcome.Invalid invalid -> HttpResponses.error(400, "invalid_close",
                    invalid.field() + " " + invalid.message(), invalid.field());
        };
    }

    private APIGatewayV2HTTPResponse announce(APIGatewayV2HTTPEvent event) {
        return switch (announce.announce(body(event, Announce.Request.class), HttpRequests.receivedAt(event))) {
            case Announce.Outcome.Sent sent -> HttpResponses.json(200, sent);
            case Announce.Outcome.Invalid invalid -> HttpResponses.error(400, "invalid_announcement",
                    invalid.field() + " " + invalid.message(), invalid.field());
        };
    }

    private static Survey survey(APIGatewayV2HTTPEvent event) {
        return body(event, Survey.class);
    }

    /** The JSON body as {@code type}; a wrong shape names the field it broke on. */
    private static <T> T body(APIGatewayV2HTTPEvent event, Class<T> type) {
        String body;
        try {
            body = HttpRequests.body(event);
        } catch (HttpRequests.MalformedBodyException notUtf8) {
            throw new InvalidRequestException(400, "invalid_encoding", notUtf8.getMessage(), null);
        }
        if (body.length() > MAX_BODY_BYTES) {
            throw new InvalidRequestException(413, "payload_too_large", "the body must be at most " + MAX_BODY_BYTES + " bytes", null);
        }
        try {
            T value = Json.MAPPER.readValue(body, type);
            if (value == null) {
                throw new InvalidRequestException(400, "invalid_json", "the body must be a JSON object", null);
            }
            return value;
        } catch (JsonMappingException wrongShape) {
            String field = wrongShape.getPath().stream()
                    .map(ref -> ref.getFieldName() != null ? ref.getFieldName() : "[" + ref.getIndex() + "]")
                    .collect(Collectors.joining(".")).replace(".[", "[");
            throw new InvalidRequestException(400, "invalid_json", (field.isEmpty() ? "the body" : field)
                    + " has the wrong type or value", field.isEmpty() ? null : field);
        } catch (JsonProcessingException malformed) {
            throw new InvalidRequestException(400, "invalid_json", "the body is not valid JSON", null);
        }
    }

    private APIGatewayV2HTTPResponse listCases(APIGatewayV2HTTPEvent event) {
        String status = HttpRequests.query(event, "status").orElse("open");
        CaseStatus wanted;
        try {
            wanted = CaseStatus.fromWire(status);
        } catch (IllegalArgumentException unknown) {
            throw new InvalidRequestException(400, "invalid_query",
                    "status must be one of open, acknowledged, in_progress, resolved, closed", "status");
        }
        var page = cases.list(wanted, HttpRequests.query(event, "team").orElse(null),
                HttpRequests.query(event, "owner").orElse(null), limit(event), HttpRequests.query(event, "cursor").orElse(null));
        return HttpResponses.json(200, Views.page(page.items().stream().map(Views::of).toList(), page.next()));
    }

    /** {@code ?from=&to=} (dates or instants, inclusive, in the reporting zone) {@code &groupBy=plan&interval=week}. */
    private APIGatewayV2HTTPResponse metrics(String surveyId, APIGatewayV2HTTPEvent event) {
        var survey = surveys.get(surveyId);
        if (survey.isEmpty()) {
            return HttpResponses.error(404, "survey_not_found", "there is no survey " + surveyId);
        }
        LocalDate from = date(event, "from");
        LocalDate to = date(event, "to");
        if (from != null && to != null && from.isAfter(to)) {
            throw new InvalidRequestException(400, "invalid_query", "from must not be after to", "from");
        }
        String groupBy = HttpRequests.query(event, "groupBy").orElse(null);
        if (groupBy != null && !groupBy.matches("[A-Za-z][A-Za-z0-9_-]{0,63}")) {
            throw new InvalidRequestException(400, "invalid_query", "groupBy must be a dimension name such as plan", "groupBy");
        }
        ReadMetrics.Interval interval = null;
        var rawInterval = HttpRequests.query(event, "interval");
        if (rawInterval.isPresent()) {
            try {
                interval = ReadMetrics.Interval.valueOf(rawInterval.get().toUpperCase(java.util.Locale.ROOT));
            } catch (IllegalArgumentException unknown) {
                throw new InvalidRequestException(400, "invalid_query", "interval must be day, week or month", "interval");
            }
        }
        var result = metrics.read(surveyId, from, to, groupBy, interval);
        return HttpResponses.json(200, Views.metrics(survey.get(), from, to, reportingZone, groupBy, result));
    }

    private LocalDate date(APIGatewayV2HTTPEvent event, String name) {
        var raw = HttpRequests.query(event, name);
        if (raw.isEmpty() || raw.get().isBlank()) {
            return null;
        }
        try {
            return raw.get().contains("T") ? LocalDate.ofInstant(java.time.Instant.parse(raw.get()), reportingZone)
                    : LocalDate.parse(raw.get());
        } catch (java.time.format.DateTimeParseException e) {
            throw new InvalidRequestException(400, "invalid_query", name + " must be a date (2026-11-23) or an instant", name);
        }
    }

    private static int limit(APIGatewayV2HTTPEvent event) {
        var raw = HttpRequests.query(event, "limit");
        if (raw.isEmpty()) {
            return DEFAULT_PAGE;
        }
        try {
            int limit = Integer.parseInt(raw.get());
            if (limit >= 1 && limit <= MAX_PAGE) {
                return limit;
            }
        } catch (NumberFormatException notANumber) {
            // reported below
        }
        throw new InvalidRequestException(400, "invalid_query", "limit must be a whole number from 1 to " + MAX_PAGE, "limit");
    }

    static final class InvalidRequestException extends RuntimeException {
        final int status;
        final String code;
        final String field;

        InvalidRequestException(int status, String code, String message, String field) {
            super(message);
            this.status = status;
            this.code = code;
            this.field = field;
        }
    }
}
