package io.halqe.aws.dynamo;

import io.halqe.domain.analytics.Match;
import io.halqe.domain.response.Enrichment;
import io.halqe.domain.response.NpsCategory;
import io.halqe.domain.response.Answer;
import io.halqe.domain.response.FinalizeDrafts;
import io.halqe.domain.response.Response;
import io.halqe.domain.response.ResponseIds;
import io.halqe.domain.response.ResponseStatus;
import io.halqe.domain.survey.QuestionType;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.zip.CRC32;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * Response items: pk {@code S#<surveyId>#<partition>}, sk {@code R#<responseId>}, with the partition a hash of the
 * id. A survey's responses spread over {@link #PARTITIONS} partition keys (hot surveys don't hit one partition), and
 * each partition key streams through one shard lineage — the property scoring's watermark relies on.
 * An id that names its survey ({@link ResponseIds}) is read from the sort key and nowhere else stored, so the
 * {@code byId} index holds only older ids. Answers are stored natively: {@code {"type":"nps","value":7}}, {@code {"type":"text","value":"…"}},
 * {@code {"type":"choices","values":[…]}}.
 */
public final class ResponseItems {

    public static final int PARTITIONS = 8;
    public static final String TYPE = "response";
    public static final String DRAFT_SHARD = "draft";
    /** On a late completion: the partial answer it replaced, as it was scored (see {@link #previous}). */
    public static final String PREVIOUS = "previous";
    /** An answer imported with its original date (Response#historical): set only when true. */
    static final String HISTORICAL = "historical";
    /** The attribute the sparse byId index is keyed on: only ids that do not name their survey carry it. */
    static final String LEGACY_ID = "responseId";

    private ResponseItems() {
    }

    public static int partitionOf(String responseId) {
        CRC32 crc = new CRC32();
        crc.update(responseId.getBytes(StandardCharsets.UTF_8));
        return (int) (crc.getValue() % PARTITIONS);
    }

    public static Map<String, AttributeValue> key(String surveyId, String responseId) {
        return Map.of("pk", Items.s("S#" + surveyId + "#" + partitionOf(responseId)), "sk", Items.s("R#" + responseId));
    }

    /** The partition encoded in an item's pk. */
    public static int partitionOfKey(String pk) {
        return Integer.parseInt(pk.substring(pk.lastIndexOf('#') + 1));
    }

    public static Map<String, AttributeValue> toItem(Response response) {
        Map<String, AttributeValue> item = new HashMap<>(key(response.surveyId(), response.id()));
        item.put("type", Items.s(TYPE));
        if (!ResponseIds.surveyOf(response.id()).equals(java.util.Optional.of(response.surveyId()))) {
            // an id that does not name its survey is found through the byId index; one that does, by its key
            item.put(LEGACY_ID, Items.s(response.id()));
        }
        item.put("surveyId", Items.s(response.surveyId()));
        item.put("surveyVersion", Items.n(response.surveyVersion()));
        item.put("language", Items.s(response.language()));
        item.put("submittedAt", Items.s(response.submittedAt().toString()));
        item.put("submittedKey", Items.s(response.submittedAt() + "#" + response.id()));
        item.put("status", Items.s(response.status().name().toLowerCase(Locale.ROOT)));
        item.put("answers", answers(response.answers()));
        if (response.enrichment() != null) {
            item.put("enrichment", enrichment(response.enrichment(), response.answers()));
        }
        if (!response.hidden().isEmpty()) {
            Map<String, AttributeValue> hidden = new LinkedHashMap<>();
            response.hidden().forEach((name, value) -> hidden.put(name, Items.s(value)));
            item.put("hidden", AttributeValue.fromM(hidden));
        }
        if (response.customerId() != null) {
            item.put("customerId", Items.s(response.customerId()));
        }
        if (response.invitationId() != null) {
            item.put("invitationId", Items.s(response.invitationId()));
        }
        if (response.partial()) {
            item.put("partial", AttributeValue.fromBool(true));
        }
        if (response.historical()) {
            item.put(HISTORICAL, AttributeValue.fromBool(true));
        }
        if (response.status() == ResponseStatus.DRAFT) {
            // sparse index byDraftDue: a draft is listed until it is completed or finalized
            item.put("draftShard", Items.s(DRAFT_SHARD));
            item.put("finalizeKey", Items.s(response.submittedAt().plus(FinalizeDrafts.DRAFT_TIMEOUT) + "#" + response.id()));
        }
        return item;
    }

    public static Response fromItem(Map<String, AttributeValue> item) {
        Map<String, Answer> answers = new LinkedHashMap<>();
        item.get("answers").m().forEach((id, value) -> answers.put(id, answer(value.m())));
        AttributeValue enrichment = item.get("enrichment");
        Map<String, String> hidden = new LinkedHashMap<>();
        if (item.get("hidden") != null) {
            item.get("hidden").m().forEach((name, value) -> hidden.put(name, value.s()));
        }
        return new Response(idOf(item), Items.string(item, "surveyId"),
                Items.integer(item, "surveyVersion"), answers, Items.string(item, "language"),
                Items.instant(item, "submittedAt"),
                ResponseStatus.valueOf(Items.string(item, "status").toUpperCase(Locale.ROOT)),
                enrichment == null ? null : enrichment(enrichment.m(), answers), hidden, Items.string(item, "customerId"),
                Items.string(item, "invitationId"), flag(item, "partial"), flag(item, HISTORICAL));
    }

    private static boolean flag(Map<String, AttributeValue> item, String name) {
        return item.get(name) != null && Boolean.TRUE.equals(item.get(name).bool());
    }

    /** The response id, from the sort key {@code R#<responseId>}. */
    public static String idOf(Map<String, AttributeValue> item) {
        return Items.string(item, "sk").substring(2);
    }

    /** The partial answer a late completion replaced, if this item is one. */
    public static java.util.Optional<Response> previous(Map<String, AttributeValue> item) {
        AttributeValue previous = item.get(PREVIOUS);
        return previous == null || !previous.hasM() ? java.util.Optional.empty() : java.util.Optional.of(fromItem(previous.m()));
    }

    static AttributeValue answers(Map<String, Answer> answers) {
        Map<String, AttributeValue> map = new LinkedHashMap<>();
        answers.forEach((id, answer) -> map.put(id, AttributeValue.fromM(switch (answer) {
            case Answer.Score score -> Map.of("type", Items.s(score.type().name().toLowerCase(Locale.ROOT)),
                    "value", Items.n(score.value()));
            case Answer.Text text -> Map.of("type", Items.s("text"), "value", Items.s(text.value()));
            case Answer.Choices choices -> Map.of("type", Items.s("choices"),
                    "values", AttributeValue.fromL(choices.values().stream().map(Items::s).toList()));
        })));
        return AttributeValue.fromM(map);
    }

    private static Answer answer(Map<String, AttributeValue> value) {
        String type = Items.string(value, "type");
        return switch (type) {
            case "text" -> new Answer.Text(Items.string(value, "value"));
            case "choices" -> new Answer.Choices(value.get("values").l().stream().map(AttributeValue::s).toList());
            default -> new Answer.Score(QuestionType.valueOf(type.toUpperCase(Locale.ROOT)), Items.integer(value, "value"));
        };
    }

    /**
     * The enrichment map, kept small because enrichment's update is charged for the whole item: a comment that is the
     * answer's only text answer is named by its question ({@code commentOf}) rather than stored twice, each distinct
     * match is stored once as {@code [kind, term, detail]} (with a count when it repeats), and empty lists are left out.
     */
    static AttributeValue enrichment(Enrichment enrichment, Map<String, Answer> answers) {
        Map<String, AttributeValue> map = new HashMap<>();
        if (enrichment.npsScore() != null) {
            map.put("npsScore", Items.n(enrichment.npsScore()));
            map.put("npsCategory", Items.s(enrichment.npsCategory().wireName()));
        }
        if (enrichment.comment() != null) {
            java.util.Optional<String> question = onlyTextAnswer(answers)
                    .filter(text -> text.getValue().equals(enrichment.comment())).map(Map.Entry::getKey);
            map.put(question.isPresent() ? "commentOf" : "comment", Items.s(question.orElse(enrichment.comment())));
        }
        map.put("language", Items.s(enrichment.language()));
        map.put("wordCount", Items.n(enrichment.wordCount()));
        map.put("sentiment", Items.s(enrichment.sentiment()));
        map.put("sentimentScore", AttributeValue.fromN(Double.toString(enrichment.sentimentScore())));
        putStrings(map, "themes", enrichment.themes());
        if (enrichment.feedbackType() != null) {
            map.put("feedbackType", Items.s(enrichment.feedbackType()));
        }
        putStrings(map, "keyPhrases", enrichment.keyPhrases());
        if (!enrichment.matches().isEmpty()) {
            map.put("matches", matches(enrichment.matches()));
        }
        if (enrichment.customer() != null) {
            map.put("customer", AttributeValue.fromM(CustomerItems.toMap(enrichment.customer())));
        }
        putStrings(map, "teams", enrichment.teams());
        if (!enrichment.owningTeams().equals(enrichment.teams())) {
            // stored only when it differs, empty included (a detractor routed to support for its score alone)
            map.put("owningTeams", strings(enrichment.owningTeams()));
        }
        putStrings(map, "owners", enrichment.owners());
        if (enrichment.touchpoint() != null) {
            map.put("touchpoint", Items.s(enrichment.touchpoint()));
        }
        map.put("enrichedAt", Items.s(enrichment.enrichedAt().toString()));
        return AttributeValue.fromM(map);
    }

    /** The question and text of the answer's only text answer, if it has exactly one. */
    private static java.util.Optional<Map.Entry<String, String>> onlyTextAnswer(Map<String, Answer> answers) {
        List<Map.Entry<String, String>> texts = answers.entrySet().stream()
                .filter(answer -> answer.getValue() instanceof Answer.Text)
                .map(answer -> Map.entry(answer.getKey(), ((Answer.Text) answer.getValue()).value())).toList();
        return texts.size() == 1 ? java.util.Optional.of(texts.get(0)) : java.util.Optional.empty();
    }

    /** Distinct matches in order of first appearance, each {@code [kind, term, detail]} plus its count when above 1. */
    private static AttributeValue matches(List<Match> matches) {
        Map<Match, Integer> counts = new LinkedHashMap<>();
        matches.forEach(match -> counts.merge(match, 1, Integer::sum));
        return AttributeValue.fromL(counts.entrySet().stream().map(counted -> {
            Match match = counted.getKey();
            List<AttributeValue> fields = new java.util.ArrayList<>(List.of(Items.s(match.kind()), Items.s(match.term()),
                    Items.s(match.detail())));
            if (counted.getValue() > 1) {
                fields.add(Items.n(counted.getValue()));
            }
            return AttributeValue.fromL(fields);
        }).toList());
    }

    private static List<Match> matches(AttributeValue stored) {
        List<Match> matches = new java.util.ArrayList<>();
        for (AttributeValue match : stored.l()) {
            if (match.hasM()) {
                // stored before matches were lists: one map per match, repeats included
                matches.add(new Match(Items.string(match.m(), "kind"), Items.string(match.m(), "term"),
                        Items.string(match.m(), "detail")));
            } else {
                List<AttributeValue> fields = match.l();
                Match one = new Match(fields.get(0).s(), fields.get(1).s(), fields.get(2).s());
                int count = fields.size() > 3 ? Integer.parseInt(fields.get(3).n()) : 1;
                for (int i = 0; i < count; i++) {
                    matches.add(one);
                }
            }
        }
        return matches;
    }

    private static void putStrings(Map<String, AttributeValue> map, String name, List<String> values) {
        if (!values.isEmpty()) {
            map.put(name, strings(values));
        }
    }

    private static AttributeValue strings(List<String> values) {
        return AttributeValue.fromL(values.stream().map(Items::s).toList());
    }

    private static List<String> strings(Map<String, AttributeValue> map, String name) {
        AttributeValue value = map.get(name);
        return value == null || !value.hasL() ? List.of() : value.l().stream().map(AttributeValue::s).toList();
    }

    private static Enrichment enrichment(Map<String, AttributeValue> map, Map<String, Answer> answers) {
        String category = Items.string(map, "npsCategory");
        AttributeValue score = map.get("sentimentScore");
        String comment = Items.string(map, "comment");
        String commentOf = Items.string(map, "commentOf");
        if (comment == null && commentOf != null && answers.get(commentOf) instanceof Answer.Text text) {
            comment = text.value();
        }
        return new Enrichment(Items.integer(map, "npsScore"),
                category == null ? null : NpsCategory.valueOf(category.toUpperCase(Locale.ROOT)),
                comment, Items.string(map, "language"), (int) Items.number(map, "wordCount"),
                Items.string(map, "sentiment"), score == null ? 0 : Double.parseDouble(score.n()), strings(map, "themes"),
                Items.string(map, "feedbackType"), strings(map, "keyPhrases"),
                map.get("matches") == null ? List.of() : matches(map.get("matches")),
                map.get("customer") == null ? null : CustomerItems.fromMap(map.get("customer").m()),
                strings(map, "teams"), strings(map, "owners"), Items.string(map, "touchpoint"), Items.instant(map, "enrichedAt"),
                map.get("owningTeams") == null ? null : strings(map, "owningTeams"));
    }

    static List<String> keyAttributes() {
        return List.of("pk", "sk");
    }
}
