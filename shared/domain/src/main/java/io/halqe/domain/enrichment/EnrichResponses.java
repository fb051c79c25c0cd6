package io.halqe.domain.enrichment;

import io.halqe.domain.response.NpsCategory;

import io.halqe.domain.response.Enrichment;

import io.halqe.domain.analytics.FeedbackType;
import io.halqe.domain.analytics.TextAnalysis;
import io.halqe.domain.analytics.Analyzer;
import io.halqe.domain.analytics.ThemeTaxonomy;
import io.halqe.domain.core.Concurrently;
import io.halqe.domain.customers.CustomerDirectory;
import io.halqe.domain.customers.CustomerHealth;
import io.halqe.domain.customers.CustomerProfile;
import io.halqe.domain.customers.FeedbackEntry;
import io.halqe.domain.events.EventPublisher;
import io.halqe.domain.events.ResponseEnriched;
import io.halqe.domain.response.Answer;
import io.halqe.domain.response.Response;
import io.halqe.domain.response.ResponseRepository;
import io.halqe.domain.routing.Router;
import io.halqe.domain.routing.Routes;
import io.halqe.domain.survey.QuestionType;
import io.halqe.domain.survey.Survey;
import io.halqe.domain.survey.SurveyRepository;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Predicate;

/**
 * Enriches a batch of new responses: one batched directory lookup for the batch's customers, text analytics, the
 * profile snapshot, routing, then the responses are updated (a few at a time), the customers' histories appended and
 * {@code ResponseEnriched} published. Safe to repeat: the response is updated only on its first enrichment, history
 * entries are keyed by response, and the event is published every time so a crash between steps loses nothing
 * (consumers dedupe).
 */
public final class EnrichResponses {

    private final ResponseRepository responses;
    private final EventPublisher events;
    private final Analyzer analyzer;
    private final Analyzer historicalAnalyzer;
    private final CustomerDirectory directory;
    private final Router router;
    private final SurveyRepository surveys;
    private final Predicate<ResponseEnriched> alerting;
    private final int parallelWrites;

    /** Every answer marked alerting: the alerts function then holds each against the rules itself. */
    public EnrichResponses(ResponseRepository responses, EventPublisher events, Analyzer analyzer,
                           CustomerDirectory directory, Router router, SurveyRepository surveys) {
        this(responses, events, analyzer, directory, router, surveys, response -> true);
    }

    /**
     * {@code alerting} tells whether an alert rule in force matches an answer (the rules read as fresh as the alerts
     * function reads them): one that none matches is published with {@code alerting} false, and the alerts function
     * is not invoked for it.
     */
    public EnrichResponses(ResponseRepository responses, EventPublisher events, Analyzer analyzer,
                           CustomerDirectory directory, Router router, SurveyRepository surveys,
                           Predicate<ResponseEnriched> alerting) {
        this(responses, events, analyzer, analyzer, directory, router, surveys, alerting);
    }

    /**
     * {@code historicalAnalyzer} reads imported answers (the built-in analyzer where a model reads the others): an
     * import of years of comments would otherwise spend the model's monthly budget on the past in an hour.
     */
    public EnrichResponses(ResponseRepository responses, EventPublisher events, Analyzer analyzer,
                           Analyzer historicalAnalyzer, CustomerDirectory directory, Router router,
                           SurveyRepository surveys, Predicate<ResponseEnriched> alerting) {
        this(responses, events, analyzer, historicalAnalyzer, directory, router, surveys, alerting, 1);
    }

    /**
     * {@code parallelWrites}: how many of a batch's writes (its answers' updates, its customers' health) are in
     * flight at once; one writes them in turn.
     */
    public EnrichResponses(ResponseRepository responses, EventPublisher events, Analyzer analyzer,
                           Analyzer historicalAnalyzer, CustomerDirectory directory, Router router,
                           SurveyRepository surveys, Predicate<ResponseEnriched> alerting, int parallelWrites) {
        this.parallelWrites = parallelWrites;
        this.historicalAnalyzer = historicalAnalyzer;
        this.alerting = alerting;
        this.responses = responses;
        this.events = events;
        this.analyzer = analyzer;
        this.directory = directory;
        this.router = router;
        this.surveys = surveys;
    }

    public void enrich(List<Response> batch, Instant now) {
        Set<String> customerIds = new LinkedHashSet<>();
        batch.forEach(response -> customerIdOf(response).ifPresent(customerIds::add));
        CustomerDirectory.Known known = customerIds.isEmpty() ? new CustomerDirectory.Known(Map.of(), Map.of())
                : directory.lookup(customerIds);
        Map<String, CustomerHealth> health = new HashMap<>(known.health());
        Map<String, Optional<Survey>> surveysById = new HashMap<>();
        List<ResponseEnriched> enriched = new ArrayList<>(batch.size());
        Map<String, List<FeedbackEntry>> history = new LinkedHashMap<>();
        HealthUpdates healthUpdates = new HealthUpdates();
        List<Runnable> updates = new ArrayList<>(batch.size());
        for (Response response : batch) {
            Optional<Survey> survey = surveysById.computeIfAbsent(response.surveyId(), surveys::find);
            CustomerProfile profile = customerIdOf(response).map(known.profiles()::get).orElse(null);
            Enrichment enrichment = enrichmentOf(response, profile, health, taxonomyOf(survey),
                    survey.map(Survey::touchpoint).orElse(null), now);
            if (profile != null) {
                healthUpdates.add(profile.id(), applied(response, enrichment, profile));
            }
            updates.add(() -> responses.markEnriched(response, enrichment));
            ResponseEnriched event = eventFor(response, enrichment);
            // an answer given before Halqe counts and is analysed, but nothing acts on it
            enriched.add(event.withAlerting(!response.historical() && alerting.test(event)));
            if (profile != null) {
                history.computeIfAbsent(profile.id(), id -> new ArrayList<>()).add(historyEntry(response, enrichment));
            }
        }
        // the answers stored as enriched before their history, health or event say so
        Concurrently.runAll(updates, parallelWrites);
        if (!history.isEmpty()) {
            directory.appendHistory(history, List.of());
            healthUpdates.store(directory, known, parallelWrites);
        }
        if (!enriched.isEmpty()) {
            events.publish(enriched);
        }
    }

    /** The answer's part in its customer's health, as {@link #withHealth} applied it. */
    private static HealthUpdates.Applied applied(Response response, Enrichment enrichment, CustomerProfile profile) {
        return new HealthUpdates.Applied(response.id(), response.submittedAt(), enrichment.npsScore(),
                enrichment.feedbackType() != null && complaint(FeedbackType.fromWire(enrichment.feedbackType())),
                profile.lifetimeValue());
    }

    private static boolean complaint(FeedbackType type) {
        return type == FeedbackType.COMPLAINT || type == FeedbackType.BUG;
    }

    /**
     * The profile as it was at answer time, with the customer's health after this answer as the {@code health}
     * attribute (promoter, at_risk, detractor) — so routing rules and scores can use it as a segment.
     */
    private static CustomerProfile withHealth(CustomerProfile profile, Response response, Integer nps,
                                              TextAnalysis analysis, Map<String, CustomerHealth> health) {
        CustomerHealth next = CustomerHealth.next(health.get(profile.id()), profile.id(), response.id(),
                response.submittedAt(), nps, complaint(analysis.feedbackType()), profile.lifetimeValue());
        health.put(profile.id(), next);
        Map<String, String> attributes = new LinkedHashMap<>(profile.attributes());
        attributes.put("health", next.segment());
        return new CustomerProfile(profile.id(), profile.name(), profile.email(), profile.phone(), profile.segment(),
                profile.plan(), profile.lifetimeValue(), profile.region(), profile.accountOwner(), profile.language(),
                profile.timeZone(), attributes, profile.updatedAt());
    }

    /**
     * The customer a signed invitation named. An unsigned {@code customerId} hidden field is not an identity: anyone
     * could type one, and closing the loop would then write to that customer.
     */
    static Optional<String> customerIdOf(Response response) {
        return Optional.ofNullable(response.customerId());
    }

    private static ThemeTaxonomy taxonomyOf(Optional<Survey> survey) {
        return survey.map(Survey::themes).filter(themes -> !themes.isEmpty())
                .map(ThemeTaxonomy.defaults()::with).orElse(ThemeTaxonomy.defaults());
    }

    Enrichment enrichmentOf(Response response, CustomerProfile profile, Map<String, CustomerHealth> health,
                            ThemeTaxonomy taxonomy, String touchpoint, Instant now) {
        Integer nps = null;
        StringBuilder comment = new StringBuilder();
        for (Answer answer : response.answers().values()) {
            if (answer instanceof Answer.Score score && score.type() == QuestionType.NPS && nps == null) {
                nps = score.value();
            } else if (answer instanceof Answer.Text text) {
                comment.append(comment.isEmpty() ? "" : "\n").append(text.value());
            }
        }
        String text = comment.isEmpty() ? null : comment.toString();
        TextAnalysis analysis = (response.historical() ? historicalAnalyzer : analyzer)
                .analyze(text, response.language(), nps, taxonomy);
        CustomerProfile customer = profile == null ? null : withHealth(profile, response, nps, analysis, health);
        NpsCategory category = nps == null ? null : NpsCategory.of(nps);
        Map<String, Object> routable = routable(response, category, nps, analysis, customer, touchpoint);
        Routes routes = router.route(routable, customer == null ? null : customer.accountOwner());
        return new Enrichment(nps, category, text, analysis.language(), wordCount(text),
                wire(analysis.sentiment()), analysis.sentimentScore(), analysis.themes(),
                analysis.feedbackType() == null ? null : wire(analysis.feedbackType()), analysis.keyPhrases(),
                analysis.matches(), customer, routes.teams(), routes.owners(), touchpoint, now, routes.owningTeams());
    }

    private static int wordCount(String text) {
        return text == null || text.isBlank() ? 0 : text.strip().split("[\\s\\u200C]+").length;
    }

    /**
     * What routing rules match on: the same fields as the ResponseEnriched detail, and the survey's touchpoint (so a
     * team can own a touchpoint: {@code {"touchpoint":["checkout"]}}).
     */
    private static Map<String, Object> routable(Response response, NpsCategory category, Integer nps,
                                                TextAnalysis analysis, CustomerProfile customer, String touchpoint) {
        Map<String, Object> detail = new LinkedHashMap<>();
        detail.put("surveyId", response.surveyId());
        if (touchpoint != null) {
            detail.put("touchpoint", touchpoint);
        }
        detail.put("language", analysis.language());
        if (nps != null) {
            detail.put("npsScore", nps);
            detail.put("npsCategory", category.wireName());
        }
        detail.put("sentiment", wire(analysis.sentiment()));
        detail.put("themes", analysis.themes());
        if (analysis.feedbackType() != null) {
            detail.put("feedbackType", wire(analysis.feedbackType()));
        }
        detail.put("hidden", response.hidden());
        if (customer != null) {
            Map<String, Object> profile = new LinkedHashMap<>();
            putIfSet(profile, "id", customer.id());
            putIfSet(profile, "segment", customer.segment());
            putIfSet(profile, "plan", customer.plan());
            putIfSet(profile, "region", customer.region());
            putIfSet(profile, "language", customer.language());
            if (customer.lifetimeValue() != null) {
                profile.put("lifetimeValue", customer.lifetimeValue());
            }
            profile.put("attributes", customer.attributes());
            detail.put("customer", profile);
        }
        return detail;
    }

    private static void putIfSet(Map<String, Object> map, String name, String value) {
        if (value != null) {
            map.put(name, value);
        }
    }

    private static String wire(Enum<?> value) {
        return value.name().toLowerCase(Locale.ROOT);
    }

    private static FeedbackEntry historyEntry(Response response, Enrichment enrichment) {
        return new FeedbackEntry(response.id(), response.surveyId(), response.submittedAt(), enrichment.npsScore(),
                enrichment.npsCategory() == null ? null : enrichment.npsCategory().wireName(), enrichment.sentiment(),
                enrichment.themes(), enrichment.feedbackType(), enrichment.comment(), enrichment.language());
    }

    /** The most of the comment an event carries; the whole answer stays in the Responses table. */
    public static final int COMMENT_EXCERPT = 1_000;

    /**
     * The event for an enriched response: its scores, choices and analysis, and one bounded excerpt of the comment
     * (text answers are not repeated in {@code answers}), so ten long comments still fit one PutEvents request.
     */
    public static ResponseEnriched eventFor(Response response, Enrichment enrichment) {
        Map<String, Object> answers = new LinkedHashMap<>();
        response.answers().forEach((id, answer) -> {
            switch (answer) {
                case Answer.Score score -> answers.put(id, score.value());
                case Answer.Choices choices -> answers.put(id, choices.values());
                case Answer.Text text -> { }
            }
        });
        return new ResponseEnriched(ResponseEnriched.VERSION, response.id(), response.surveyId(),
                response.surveyVersion(), response.submittedAt(), enrichment.language(), enrichment.npsScore(),
                enrichment.npsCategory() == null ? null : enrichment.npsCategory().wireName(),
                excerpt(enrichment.comment()), enrichment.wordCount(), answers, response.hidden(), response.customerId(), response.partial(),
                enrichment.sentiment(), enrichment.sentimentScore(), enrichment.themes(), enrichment.feedbackType(),
                enrichment.keyPhrases(), enrichment.customer(), enrichment.teams(), enrichment.owners(),
                response.invitationId(), null, response.historical());
    }

    private static String excerpt(String comment) {
        if (comment == null || comment.codePointCount(0, comment.length()) <= COMMENT_EXCERPT) {
            return comment;
        }
        return comment.substring(0, comment.offsetByCodePoints(0, COMMENT_EXCERPT)) + "…";
    }
}
