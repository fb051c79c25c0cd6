package io.halqe.domain.analytics;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Words whose theme depends on their neighbours, from {@code analytics/theme-context.txt}: a phone's "charge" is
 * product quality, not billing; a lecture's "delivery" is no shipment; a car's "service" is product quality; «شارژ
 * ساختمان» is a bill, «شحن الجوال» no shipping. Each rule names trigger terms, cue terms, the themes a trigger loses
 * and the themes it gains when a cue stands within the rule's window of words in the same sentence.
 *
 * <p>A trigger inside a longer theme term is left alone ("customer service", «شحن الرصيد»): the longer phrase already
 * says what it means. Loaded and indexed once; {@link #decide} allocates only for what it finds.
 */
final class ThemeContext {

    private static final String RESOURCE = "analytics/theme-context.txt";
    static final int DEFAULT_WINDOW = 4;

    /** One rule: themes dropped from the trigger and themes added when a cue is within {@code window} words. */
    record Rule(int id, Set<String> drop, List<String> add, int window) {
    }

    /**
     * A rule that applied: the trigger's words, what it drops and adds, and the cue that decided it.
     *
     * @param start first word of the trigger
     * @param end   the word after its last
     */
    record Decision(int start, int end, String trigger, String cue, Rule rule) {
        boolean covers(FoundTerm<?> term) {
            return term.start() < end && start < term.end();
        }
    }

    /** Each language's rules; a rule's id is its place among its language's, a bit in the indexes' payloads. */
    private final Map<String, List<Rule>> rules = new HashMap<>();
    private final Map<String, PhraseIndex<Long>> triggers = new HashMap<>();
    private final Map<String, PhraseIndex<Long>> cues = new HashMap<>();

    ThemeContext() {
        for (ResourceLines.Line line : ResourceLines.read(RESOURCE)) {
            String[] fields = line.text().split("\\|", -1);
            List<Rule> ofLanguage = fields.length < 5 ? List.of()
                    : rules.computeIfAbsent(fields[0].strip(), k -> new ArrayList<>());
            if (fields.length < 5 || fields.length > 6 || ofLanguage.size() >= Long.SIZE) {
                throw new IllegalStateException(RESOURCE + ":" + line.number()
                        + ": expected 'lang | triggers | cues | dropped themes | added themes [| window]'"
                        + " (at most " + Long.SIZE + " rules a language)");
            }
            String language = fields[0].strip();
            Rule rule = new Rule(ofLanguage.size(), Set.copyOf(ids(fields[3])), ids(fields[4]),
                    fields.length == 6 ? Integer.parseInt(fields[5].strip()) : DEFAULT_WINDOW);
            ofLanguage.add(rule);
            long bit = 1L << rule.id();
            index(triggers, language, fields[1], bit);
            index(cues, language, fields[2], bit);
        }
    }

    private static List<String> ids(String field) {
        List<String> ids = new ArrayList<>();
        for (String id : field.split(",")) {
            if (!id.isBlank() && !id.strip().equals("-")) {
                ids.add(id.strip());
            }
        }
        return ids;
    }

    private static void index(Map<String, PhraseIndex<Long>> byLanguage, String language, String terms, long bit) {
        PhraseIndex<Long> index = byLanguage.computeIfAbsent(language, PhraseIndex::new);
        for (String term : terms.split(",")) {
            if (!term.isBlank()) {
                index.put(TextNormalization.normalize(term.strip(), language), language, bit, (a, b) -> a | b);
            }
        }
    }

    /** The rules that apply to a comment, each with the trigger it applies to. */
    List<Decision> decide(NormalizedComment comment) {
        PhraseIndex<Long> triggerIndex = triggers.get(comment.language());
        if (triggerIndex == null) {
            return List.of();
        }
        Tokens words = comment.words();
        List<FoundTerm<Long>> found = triggerIndex.findAll(words);
        if (found.isEmpty()) {
            return List.of();
        }
        List<FoundTerm<Long>> cueTerms = cues.get(comment.language()).findAll(words);
        List<Decision> decisions = new ArrayList<>(2);
        for (FoundTerm<Long> trigger : found) {
            for (Rule rule : rules.get(comment.language())) {
                if ((trigger.payload() & (1L << rule.id())) == 0) {
                    continue;
                }
                FoundTerm<Long> cue = cueNear(trigger, rule, cueTerms, words);
                if (cue != null) {
                    decisions.add(new Decision(trigger.start(), trigger.end(), trigger.text(), cue.text(), rule));
                }
            }
        }
        return decisions;
    }

    private static FoundTerm<Long> cueNear(FoundTerm<Long> trigger, Rule rule, List<FoundTerm<Long>> cueTerms,
                                           Tokens words) {
        for (FoundTerm<Long> cue : cueTerms) {
            if ((cue.payload() & (1L << rule.id())) == 0
                    || words.sentence(cue.start()) != words.sentence(trigger.start())) {
                continue;
            }
            int gap = cue.start() >= trigger.end() ? cue.start() - trigger.end() : trigger.start() - cue.end();
            if (gap >= 0 && gap < rule.window()) {
                return cue;
            }
        }
        return null;
    }
}
