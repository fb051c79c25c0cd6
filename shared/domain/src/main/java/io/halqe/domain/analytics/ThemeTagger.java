package io.halqe.domain.analytics;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The themes stage: the themes of a taxonomy whose terms a comment uses. Terms of the comment's language and English
 * ones are matched, as comments mix in English words. A term written with a leading {@value #WEAK} is weak: a mere
 * mention ("payment", "coupon", "calls", «پرداخت», «الاشتراك») that names its theme only when no other term or
 * context rule names any theme, as "the checkout page fails when I apply the coupon" is about the checkout, not the
 * price. When only weak terms name themes, the comment is about the one named last: a clause's focus is at its end
 * ("the blender I got on sale" is about the sale, «صفحة الدفع … كود الخصم» the code). A weak term right after a
 * number is a sum ("300 dollars", «۲۵۰ تومن»): it states a price beside other themes, unless a charge (billing) is
 * named, whose amount it then is. A term written with a leading {@value #UNIT} is a sum's unit ("65 a month", "180
 * a night"): it names its theme only right after a number, as a weak term there does, and is nothing elsewhere ("broke
 * within a month").
 *
 * <p>A theme named only inside a concessive clause ("…, although it arrived on time", «با اینکه یه کم گرون بود»,
 * «مع إن التوصيل تأخر») is conceded, not complained of or praised: it is dropped when a theme is named outside such
 * clauses. So is a theme named only as the topic of a contact or a question, in the few words after a topic marker
 * ("called the dealership about the invoice, the guy was rude", «بخصوص الطلبية», «درباره گارانتی»): the comment is
 * about how the contact went; and one named only as what something came without ("the price went up without any
 * change in the content", «من غير أي تغيير في المحتوى»), or only to say when something happened ("when I picked up
 * the parcel", «موقع تحویل ماشین», «عند الاستلام»). The product or service named right after a price term is what is
 * priced («هزینه جرم‌گیری چقدره؟», «سعر الدورة زاد»), not a judgement of its quality: it too counts only when nothing
 * else is named.
 *
 * <p>The default taxonomy is indexed once, when constructed; the indexes of the last
 * {@value #MAX_CACHED_TAXONOMIES} other taxonomies are kept, as one survey's comments come together.
 */
final class ThemeTagger {

    static final int MAX_CACHED_TAXONOMIES = 32;
    static final char WEAK = '~';
    static final char UNIT = '=';
    /** How many words after a topic marker ("about", "without", "when") name the topic. */
    static final int TOPIC_SPAN = 4;
    /** A sum beside a charge is the charge's amount; beside anything else it states a price. */
    private static final String CHARGED = "billing";
    private static final String AMOUNT = "theme-amount";
    /** The product or service named right after a price term («سعر الدورة») is what is priced. */
    private static final String PRICE = "price";
    private static final String PRICED_THING = "product_quality";

    private final Indexes defaultIndexes = Indexes.of(ThemeTaxonomy.defaults());
    private final ThemeContext context = new ThemeContext();
    private final Map<ThemeTaxonomy, Indexes> otherIndexes =
            Collections.synchronizedMap(new LinkedHashMap<>(16, 0.75f, true) {
                @Override
                protected boolean removeEldestEntry(Map.Entry<ThemeTaxonomy, Indexes> eldest) {
                    return size() > MAX_CACHED_TAXONOMIES;
                }
            });

    /** @param taxonomy themes to tag with; null means {@link ThemeTaxonomy#defaults()} */
    TaggedThemes tag(NormalizedComment comment, ThemeTaxonomy taxonomy) {
        ThemeTaxonomy themes = taxonomy == null ? ThemeTaxonomy.defaults() : taxonomy;
        List<FoundTerm<List<String>>> terms =
                withoutStrayUnits(comment.words(), index(taxonomy, comment.language()).findAll(comment.words()));
        List<ThemeContext.Decision> decisions = context.decide(comment);
        List<String> found = new ArrayList<>();
        List<Match> evidence = new ArrayList<>();
        List<Match> weak = null;
        boolean[] conceded = concededWords(comment);
        boolean[] topic = topicWords(comment);
        boolean[] priced = pricedWords(comment.words(), terms);
        List<String> asserted = new ArrayList<>(2);
        List<String> topical = new ArrayList<>(1);
        for (FoundTerm<List<String>> term : terms) {
            for (String payloadId : term.payload()) {
                boolean isUnit = payloadId.charAt(0) == UNIT;
                if (isUnit && !isAmount(comment.words(), term)) {
                    continue;
                }
                boolean isWeak = isUnit || payloadId.charAt(0) == WEAK;
                String id = isWeak ? payloadId.substring(1) : payloadId;
                ThemeContext.Decision dropping = dropping(decisions, term, id);
                if (dropping != null) {
                    evidence.add(new Match("theme-context", term.text(), "not " + id + " near " + dropping.cue()));
                } else if (isWeak) {
                    weak = weak == null ? new ArrayList<>(2) : weak;
                    weak.add(new Match(isAmount(comment.words(), term) ? AMOUNT : "theme", term.text(), id));
                } else {
                    evidence.add(new Match("theme", term.text(), id));
                    addOnce(found, id);
                    boolean pricedThing = priced != null && priced[term.start()] && id.equals(PRICED_THING);
                    assertOrNote(id, term.start(), conceded, pricedThing || topic != null && topic[term.start()],
                            asserted, topical);
                }
            }
        }
        for (ThemeContext.Decision decision : decisions) {
            if (insideLongerTerm(decision, terms)) {
                continue;
            }
            for (String id : decision.rule().add()) {
                if (hasTheme(themes, id)) {
                    evidence.add(new Match("theme", decision.trigger(), id));
                    addOnce(found, id);
                    assertOrNote(id, decision.start(), conceded, topic != null && topic[decision.start()], asserted,
                            topical);
                }
            }
        }
        if ((conceded != null || !topical.isEmpty()) && !asserted.isEmpty() && asserted.size() < found.size()) {
            for (String id : List.copyOf(found)) {
                if (!asserted.contains(id)) {
                    found.remove(id);
                    evidence.add(new Match(topical.contains(id) ? "theme-topic" : "theme-conceded", id,
                            "not " + id + " beside " + asserted.getFirst()));
                }
            }
        }
        if (weak != null) {
            boolean alone = found.isEmpty();
            boolean charged = found.contains(CHARGED);
            String beside = alone ? null : found.getFirst();
            for (Match mention : weak) {
                if (mention.kind().equals(AMOUNT) && !charged
                        || alone && mention.detail().equals(weak.getLast().detail())) {
                    evidence.add(new Match("theme", mention.term(), mention.detail()));
                    addOnce(found, mention.detail());
                } else {
                    evidence.add(new Match("theme-weak", mention.term(), "not " + mention.detail()
                            + (alone ? " before " + weak.getLast().detail() : " beside " + beside)));
                }
            }
        }
        List<String> inTaxonomyOrder = new ArrayList<>(found.size());
        for (Theme theme : themes.themes()) {
            if (found.contains(theme.id())) {
                inTaxonomyOrder.add(theme.id());
            }
        }
        return new TaggedThemes(inTaxonomyOrder, terms, evidence);
    }

    /** By word: inside a concessive's clause, from the concessive on; null when the comment has none. */
    private static boolean[] concededWords(NormalizedComment comment) {
        boolean[] conceded = null;
        Tokens words = comment.words();
        for (FoundTerm<CoreEntry> term : comment.terms()) {
            if (!term.payload().concessive) {
                continue;
            }
            conceded = conceded == null ? new boolean[words.size()] : conceded;
            for (int k = term.start(); k < words.size() && words.clause(k) == words.clause(term.start()); k++) {
                conceded[k] = true;
            }
        }
        return conceded;
    }

    /** A theme named outside concessive clauses and topics is asserted; one named in a topic is noted as such. */
    private static void assertOrNote(String id, int word, boolean[] conceded, boolean inTopic, List<String> asserted,
                                     List<String> topical) {
        if (inTopic) {
            addOnce(topical, id);
        } else if (conceded == null || !conceded[word]) {
            addOnce(asserted, id);
        }
    }

    /**
     * By word: the topic after a topic marker, up to {@value #TOPIC_SPAN} words in its clause; null when the comment
     * has none. "About 20 minutes" is an amount, not a topic; a topic with an opinion or a problem word in it ("about
     * the wrong charge", «بخصوص خصم خاطئ») is a complaint of its own, not merely named.
     */
    private static boolean[] topicWords(NormalizedComment comment) {
        boolean[] topic = null;
        Tokens words = comment.words();
        for (FoundTerm<CoreEntry> marker : comment.terms()) {
            if (!marker.payload().topic || marker.end() >= words.size()
                    || Character.isDigit(words.word(marker.end()).charAt(0))) {
                continue;
            }
            int end = marker.end();
            while (end < words.size() && end < marker.end() + TOPIC_SPAN
                    && words.clause(end) == words.clause(marker.start())) {
                end++;
            }
            if (hasOpinion(comment, marker.end(), end)) {
                continue;
            }
            topic = topic == null ? new boolean[words.size()] : topic;
            for (int k = marker.end(); k < end; k++) {
                topic[k] = true;
            }
        }
        return topic;
    }

    private static boolean hasOpinion(NormalizedComment comment, int start, int end) {
        for (FoundTerm<CoreEntry> term : comment.terms()) {
            if (term.start() < end && start < term.end() && (term.payload().hasSentiment() || term.payload().problem
                    || term.payload().pairEvent != 0)) {
                return true;
            }
        }
        return false;
    }

    /**
     * By word: the word right after a price term in its clause, where the thing priced stands («هزینه جرم‌گیری»,
     * «سعر الدورة»); null when no price term is found.
     */
    private static boolean[] pricedWords(Tokens words, List<FoundTerm<List<String>>> terms) {
        boolean[] priced = null;
        for (FoundTerm<List<String>> term : terms) {
            int next = term.end();
            if (term.payload().contains(PRICE) && next < words.size()
                    && words.clause(next) == words.clause(term.start()) && !startsWithAnd(words.word(next))) {
                priced = priced == null ? new boolean[words.size()] : priced;
                priced[next] = true;
            }
        }
        return priced;
    }

    /** "and", «و», «والشغل»: what follows a conjunction is another thing, not the one priced. */
    private static boolean startsWithAnd(String word) {
        return word.equals("and") || word.charAt(0) == 'و';
    }

    /** A sum's unit with no number before it ("within a month") is no term at all, nor a key phrase. */
    private static List<FoundTerm<List<String>>> withoutStrayUnits(Tokens words, List<FoundTerm<List<String>>> terms) {
        List<FoundTerm<List<String>>> kept = new ArrayList<>(terms.size());
        for (FoundTerm<List<String>> term : terms) {
            if (isAmount(words, term) || !term.payload().stream().allMatch(id -> id.charAt(0) == UNIT)) {
                kept.add(term);
            }
        }
        return kept;
    }

    /** A weak term right after a number: a sum ("40 dollars", «۸۰۰ تومن», «٣٠٠ درهم»), not a mere mention. */
    private static boolean isAmount(Tokens words, FoundTerm<?> term) {
        return term.start() > 0 && Character.isDigit(words.word(term.start() - 1).charAt(0));
    }

    private static void addOnce(List<String> ids, String id) {
        if (!ids.contains(id)) {
            ids.add(id);
        }
    }

    /** The decision that takes theme {@code id} from a term: one on the same words, not inside a longer term. */
    private static ThemeContext.Decision dropping(List<ThemeContext.Decision> decisions, FoundTerm<?> term,
                                                  String id) {
        for (ThemeContext.Decision decision : decisions) {
            if (decision.covers(term) && decision.rule().drop().contains(id)
                    && term.end() - term.start() <= decision.end() - decision.start()) {
                return decision;
            }
        }
        return null;
    }

    /** "customer service", «شحن الرصيد»: a longer theme term around the trigger already says what it means. */
    private static boolean insideLongerTerm(ThemeContext.Decision decision, List<? extends FoundTerm<?>> terms) {
        for (FoundTerm<?> term : terms) {
            if (decision.covers(term) && term.end() - term.start() > decision.end() - decision.start()) {
                return true;
            }
        }
        return false;
    }

    private static boolean hasTheme(ThemeTaxonomy taxonomy, String id) {
        for (Theme theme : taxonomy.themes()) {
            if (theme.id().equals(id)) {
                return true;
            }
        }
        return false;
    }

    private PhraseIndex<List<String>> index(ThemeTaxonomy taxonomy, String language) {
        Indexes indexes = taxonomy == null || taxonomy == ThemeTaxonomy.defaults()
                ? defaultIndexes : otherIndexes.computeIfAbsent(taxonomy, Indexes::of);
        return indexes.forLanguage(language);
    }

    /** A taxonomy's terms indexed for each language with a lexicon, the English terms in each of them too. */
    private record Indexes(Map<String, PhraseIndex<List<String>>> byLanguage) {

        static Indexes of(ThemeTaxonomy taxonomy) {
            Map<String, PhraseIndex<List<String>>> byLanguage = new HashMap<>();
            for (String language : List.of("en", "fa", "ar")) {
                PhraseIndex<List<String>> index = new PhraseIndex<>(language);
                List<String> termLanguages = language.equals("en") ? List.of("en") : List.of(language, "en");
                for (Theme theme : taxonomy.themes()) {
                    for (String termLanguage : termLanguages) {
                        for (String term : theme.terms().getOrDefault(termLanguage, List.of())) {
                            char mark = term.charAt(0);
                            boolean marked = mark == WEAK || mark == UNIT;
                            index.put(TextNormalization.normalize(marked ? term.substring(1) : term, termLanguage),
                                    termLanguage, List.of(marked ? mark + theme.id() : theme.id()), ThemeTagger::union);
                        }
                    }
                }
                byLanguage.put(language, index);
            }
            return new Indexes(byLanguage);
        }

        /** Another language's comment is matched with the English terms. */
        PhraseIndex<List<String>> forLanguage(String language) {
            PhraseIndex<List<String>> index = byLanguage.get(language);
            return index != null ? index : byLanguage.get("en");
        }
    }

    /** Two themes may share a term: it names both. */
    private static List<String> union(List<String> a, List<String> b) {
        List<String> all = new ArrayList<>(a);
        for (String id : b) {
            if (!all.contains(id)) {
                all.add(id);
            }
        }
        return List.copyOf(all);
    }
}
