package io.halqe.domain.analytics;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

/**
 * Accuracy of {@link TextAnalyzer} on the labelled set {@code analytics/evaluation.tsv} (written blind to the
 * lexicons): per language and overall, language, sentiment and theme-set accuracy are gated, feedback type is
 * reported. Theme accuracy counts a comment as right only if the predicted theme SET equals the labelled one; micro
 * precision and recall over theme labels are reported beside it. {@code -Dhalqe.evaluation=path} evaluates another
 * file in the same format.
 */
class EvaluationTest {

    static final double MIN_LANGUAGE = 0.95;
    static final double MIN_SENTIMENT = 0.85;
    static final double MIN_THEMES = 0.80;
    static final double HOLDOUT_MIN_THEMES = 0.55;
    static final double COMPLAINTS_MIN_THEMES = 0.70;
    /** Issue 17's aims on the blind set: sentiment overall and per language. */
    static final double BLIND_MIN_SENTIMENT = 0.85;
    static final double BLIND_MIN_SENTIMENT_PER_LANGUAGE = 0.80;
    /** Floors that catch regressions on the blind set's themes, below the aims (0.70 exact, 0.85 labelled found). */
    static final double BLIND_MIN_THEMES = 0.64;
    static final double BLIND_MIN_LABELLED_FOUND = 0.82;
    /**
     * Floors that catch regressions on themes-dev.tsv: theme sets per language, labelled theme found overall, and
     * sentiment per language at what the analyzer read before the set's themes were tuned (0.64 / 0.59 / 0.69).
     */
    static final Floors THEMES_DEV = new Floors(0.80, 0.90, 0.55);

    /**
     * Floors that catch regressions on themes-dev2.tsv, a little under what the analyzer reads after its pass: theme
     * sets per language, labelled theme found overall, and sentiment per language (not tuned on this set).
     */
    static final Floors THEMES_DEV2 = new Floors(0.82, 0.90, 0.55);

    /**
     * Floors that catch regressions on themes-dev3.tsv, a little under what the analyzer reads after its pass: theme
     * sets per language, labelled theme found overall, and sentiment per language (not tuned on this set).
     */
    static final Floors THEMES_DEV3 = new Floors(0.72, 0.88, 0.55);

    /**
     * Floors that catch regressions on themes-dev4.tsv, a little under what the analyzer reads after its pass: theme
     * sets per language, labelled theme found overall, and sentiment per language (not tuned on this set, 0.56 in
     * English before and after the pass).
     */
    static final Floors THEMES_DEV4 = new Floors(0.72, 0.84, 0.50);

    /**
     * Floors that catch regressions on themes-dev5.tsv, a little under what the analyzer reads after its pass: theme
     * sets per language (0.76 / 0.78 / 0.84), labelled theme found overall (0.87), and sentiment per language (not
     * tuned on this set: 0.54 / 0.58 / 0.51 before and after the pass).
     */
    static final Floors THEMES_DEV5 = new Floors(0.72, 0.84, 0.48);

    /**
     * Floors that catch regressions on unseen-industries.tsv, under what it read when it was added (with the theme
     * model: exact sets 0.54 / 0.57 / 0.57, found 0.73; without it 0.54 and 0.65 overall; sentiment 0.51 / 0.61 /
     * 0.60).
     */
    static final Floors UNSEEN = new Floors(0.50, 0.70, 0.45);

    /** What a themes development set is held to: theme sets per language, labelled found, sentiment per language. */
    record Floors(double themes, double labelledFound, double sentiment) {
    }

    record Row(String id, String language, String sentiment, Set<String> themes, String type, Integer nps,
               String text) {
    }

    static final class Score {
        int n;
        int language;
        int sentiment;
        int themes;
        int type;
        int typeLabelled;
        int themeTp;
        int themeFp;
        int themeFn;
        /** Comments with a labelled theme, and those whose every labelled theme is among the predicted ones. */
        int themeLabelled;
        int themeFound;

        double found() {
            return themeLabelled == 0 ? 1 : (double) themeFound / themeLabelled;
        }

        double rate(int hits) {
            return n == 0 ? 1 : (double) hits / n;
        }

        String line(String name) {
            return String.format(Locale.ROOT,
                    "%-4s language %.2f  sentiment %.2f  themes %.3f (P %.2f R %.2f, labelled found %.3f of %d)"
                            + "  type %.2f  n=%d",
                    name, rate(language), rate(sentiment), rate(themes),
                    themeTp + themeFp == 0 ? 1.0 : (double) themeTp / (themeTp + themeFp),
                    themeTp + themeFn == 0 ? 1.0 : (double) themeTp / (themeTp + themeFn), found(), themeLabelled,
                    typeLabelled == 0 ? 1.0 : (double) type / typeLabelled, n);
        }
    }

    record Evaluation(Map<String, Score> byLanguage, Score overall) {
    }

    @Test
    void analyzer_shouldMeetAccuracyTargets_whenRunOnTheLabelledSet() throws IOException {
        // GIVEN the labelled comments WHEN each is analyzed
        Evaluation evaluation = evaluate(read(), "evaluation.tsv");
        // THEN the figures meet the targets per language and overall
        for (Map.Entry<String, Score> e : evaluation.byLanguage().entrySet()) {
            assertTargets(e.getKey(), e.getValue());
        }
        assertTargets("all", evaluation.overall());
    }

    /**
     * The engine's lexicons were tuned while looking at evaluation.tsv, so its figures flatter it. holdout.tsv was
     * written blind afterwards, in other industries, and nothing was tuned on it: its figures are the honest ones (in
     * the README). Language and sentiment must meet the targets there too; theme-set accuracy is held to a floor
     * that catches regressions, below the target the tuned set meets.
     */
    @Test
    void analyzer_shouldGeneralize_whenRunOnTheBlindHoldout() throws IOException {
        Evaluation holdout = evaluate(read("analytics/holdout.tsv"), "holdout.tsv");
        assertPerLanguage(holdout, "held-out", MIN_SENTIMENT);
        assertThat(holdout.overall().rate(holdout.overall().themes)).as("held-out theme-set accuracy")
                .isGreaterThanOrEqualTo(HOLDOUT_MIN_THEMES);
    }

    /**
     * complaints-dev.tsv is the development set for reading complaints: problem events without sentiment words,
     * lukewarm comments, contrast, and words whose theme depends on their neighbours (a phone's "charge", a lecture's
     * "delivery"), about 40 per language. It was tuned on, so its figures only show the phenomena are handled.
     */
    @Test
    void analyzer_shouldReadComplaintsLukewarmContrastAndThemeContext_whenRunOnTheComplaintsDevSet() throws IOException {
        // GIVEN the complaints development set WHEN each comment is analyzed
        Evaluation dev = evaluate(read("analytics/complaints-dev.tsv"), "complaints-dev.tsv");
        // THEN sentiment meets the target per language and theme sets the floor overall
        assertPerLanguage(dev, "complaints-dev", MIN_SENTIMENT);
        assertThat(dev.overall().rate(dev.overall().themes)).as("complaints-dev theme-set accuracy")
                .isGreaterThanOrEqualTo(COMPLAINTS_MIN_THEMES);
    }

    /**
     * themes-dev.tsv: 240 comments (80 per language) from banking, telecom, airlines, hotels, food delivery, shops,
     * SaaS, insurance, clinics, utilities, education, car service, gyms, cafés and government services, labelled
     * before the analyzer was run on them, with words whose theme depends on the industry ("charge", "plan",
     * «حساب», «شارژ», «خط», «الخدمة», «الشحن»). Rows numbered 3, 6, 9 … in each language were kept out of tuning.
     * Product quality is the core product or service (a SaaS tool's own reliability too), usability the
     * self-service channel (sign-in, app and site flows, features), support the people and contact channels.
     */
    @Test
    void analyzer_shouldTagThemesAcrossIndustries_whenRunOnTheThemesDevSet() throws IOException {
        // GIVEN the cross-industry themes development set WHEN each comment is analyzed
        // THEN language meets the target per language, and sentiment and themes their floors
        assertThemesDevSet("themes-dev", THEMES_DEV);
    }

    /**
     * themes-dev2.tsv: 288 comments (96 per language, parallel) from fashion, insurance claims, utilities, gyms,
     * SaaS, pharmacies, car rental, real estate, streaming, travel agencies, courses, government portals,
     * marketplaces, banks, telecom, airlines, hotels and restaurants, Persian partly typed with Arabic letters,
     * labelled before the analyzer was run on them. Rows numbered 3, 6, 9 … in each language were kept out of tuning.
     */
    @Test
    void analyzer_shouldTagThemesInOtherIndustries_whenRunOnTheSecondThemesDevSet() throws IOException {
        // GIVEN the second cross-industry themes development set WHEN each comment is analyzed
        // THEN language meets the target per language, and sentiment and themes their floors
        assertThemesDevSet("themes-dev2", THEMES_DEV2);
    }

    /**
     * themes-dev3.tsv: 240 comments (80 per language, written separately in each language, not translations) from
     * shops, supermarkets, pharmacies, banks, telecom, utilities, airlines, hotels, ride-hailing, food delivery,
     * courses, clinics, garages, insurance, furniture, SaaS, games, streaming and public offices, many of them naming
     * a second theme only in passing, labelled before the analyzer was run on them. Rows numbered 3, 6, 9 … in each
     * language were kept out of tuning.
     */
    @Test
    void analyzer_shouldTagWhatACommentIsAbout_whenRunOnTheThirdThemesDevSet() throws IOException {
        // GIVEN the third themes development set WHEN each comment is analyzed
        // THEN language meets the target per language, and sentiment and themes their floors
        assertThemesDevSet("themes-dev3", THEMES_DEV3);
    }

    /**
     * themes-dev4.tsv: 300 comments (100 per language, written separately in each language, not translations) from
     * real estate, travel agencies, car dealers, parcel lockers, printing shops, vets, cinemas, coworking, laundries,
     * electricity and water, B2B SaaS, marketplaces, opticians, dentists and schools, many naming a second theme only
     * in passing, labelled before the analyzer was run on them. Rows numbered 3, 6, 9 … in each language were kept
     * out of tuning.
     */
    @Test
    void analyzer_shouldTagWhatACommentIsAbout_whenRunOnTheFourthThemesDevSet() throws IOException {
        // GIVEN the fourth themes development set WHEN each comment is analyzed
        // THEN language meets the target per language, and sentiment and themes their floors
        assertThemesDevSet("themes-dev4", THEMES_DEV4);
    }

    /**
     * themes-dev5.tsv: 300 comments (100 per language, written separately in each language) from banks, telecom,
     * airlines, hotels, food delivery, ride-hailing, SaaS, insurance, utilities, clinics, schools, government portals,
     * marketplaces, garages, gyms, streaming and games, at least half of them stating their theme by an event or a
     * consequence rather than by a keyword (waiting on hold, being logged out, a double charge, a crushed box),
     * labelled before the analyzer was run on them. Rows numbered 3, 6, 9 … in each language were kept out of tuning.
     */
    @Test
    void analyzer_shouldTagWhatACommentIsAbout_whenRunOnTheFifthThemesDevSet() throws IOException {
        // GIVEN the fifth themes development set WHEN each comment is analyzed
        // THEN language meets the target per language, and sentiment and themes their floors
        assertThemesDevSet("themes-dev5", THEMES_DEV5);
    }

    /**
     * unseen-industries.tsv: 300 comments (100 per language, written separately in each language by three writers who
     * had not read the lexicons) from vets, dentists, laundries, parking, utilities, pensions, movers, installers,
     * coworking, payroll software, hosting and other industries the other sets barely touch, labelled before the
     * analyzer ran on them and never tuned on: its errors are never printed. Held to floors under what it read.
     */
    @Test
    void analyzer_shouldReadCommentsFromIndustriesItWasNotTunedOn_whenRunOnTheUnseenSet() throws IOException {
        // GIVEN comments from industries no pass was tuned on WHEN each is analyzed (errors never printed)
        Evaluation unseen = evaluate(read("analytics/unseen-industries.tsv"), "unseen-industries.tsv", false);
        // THEN language meets the target, and sentiment and themes stay above their floors
        assertFloors(unseen, "unseen-industries", UNSEEN);
    }

    /**
     * blind.tsv: 300 comments (100 per language, many industries, Persian typed with Arabic letters, Persian and
     * Arabic-Indic digits) written by someone who had not read the lexicons, after the analyzer's complaint reading
     * was built and never tuned on. Sentiment and language are held to the aims; themes to floors below them (the
     * README gives every figure).
     */
    @Test
    void analyzer_shouldReadUnseenComments_whenRunOnTheBlindSet() throws IOException {
        // GIVEN the blind set WHEN each comment is analyzed
        Evaluation blind = evaluate(read("analytics/blind.tsv"), "blind.tsv");
        // THEN language and sentiment meet the aims, per language and overall
        assertPerLanguage(blind, "blind", BLIND_MIN_SENTIMENT_PER_LANGUAGE);
        Score all = blind.overall();
        assertThat(all.rate(all.sentiment)).as("blind sentiment accuracy").isGreaterThanOrEqualTo(BLIND_MIN_SENTIMENT);
        // AND themes stay above their floors
        assertThat(all.rate(all.themes)).as("blind theme-set accuracy").isGreaterThanOrEqualTo(BLIND_MIN_THEMES);
        assertThat(all.found()).as("blind labelled theme found").isGreaterThanOrEqualTo(BLIND_MIN_LABELLED_FOUND);
    }

    /**
     * Evaluates a development set whose rows numbered 3, 6, 9 … (the number ending the id) were kept out of tuning,
     * and prints the tuned and kept-out figures beside the whole set's. Errors are printed only for tuned rows, so
     * reading them cannot tune on the kept-out ones.
     */
    private static Evaluation evaluateWithKeptOut(List<Row> rows, String name) {
        List<Row> tuned = rows.stream().filter(r -> !keptOut(r)).toList();
        List<Row> kept = rows.stream().filter(EvaluationTest::keptOut).toList();
        evaluate(tuned, name + ", tuned rows", verbose(name));
        evaluate(kept, name + ", kept-out rows", false);
        return evaluate(rows, name, false);
    }

    static boolean keptOut(Row row) {
        String id = row.id();
        return Integer.parseInt(id.substring(id.lastIndexOf('-') + 1)) % 3 == 0;
    }

    /** {@code -Dhalqe.evaluation.verbose=set.tsv,…} prints a set's errors ({@code true}: every set); kept-out rows never. */
    private static boolean verbose(String name) {
        String v = System.getProperty("halqe.evaluation.verbose", "");
        return v.equals("true") || Arrays.asList(v.split(",")).contains(name);
    }

    private static Evaluation evaluate(List<Row> rows, String name) {
        return evaluate(rows, name, verbose(name));
    }

    private static Evaluation evaluate(List<Row> rows, String name, boolean printErrors) {
        assertThat(rows).isNotEmpty();
        TextAnalyzer analyzer = new TextAnalyzer();
        Map<String, Score> scores = new LinkedHashMap<>();
        Score overall = new Score();
        List<String> errors = new ArrayList<>();

        for (Row row : rows) {
            TextAnalysis a = analyzer.analyze(row.text(), null, row.nps(), ThemeTaxonomy.defaults());
            Set<String> predictedThemes = new TreeSet<>(a.themes());
            String predictedType = a.feedbackType() == null ? "-" : a.feedbackType().wireName();
            for (Score s : List.of(scores.computeIfAbsent(row.language(), k -> new Score()), overall)) {
                s.n++;
                s.language += row.language().equals(a.language()) ? 1 : 0;
                s.sentiment += row.sentiment().equals(a.sentiment().wireName()) ? 1 : 0;
                s.themes += row.themes().equals(predictedThemes) ? 1 : 0;
                for (String t : predictedThemes) {
                    if (row.themes().contains(t)) {
                        s.themeTp++;
                    } else {
                        s.themeFp++;
                    }
                }
                for (String t : row.themes()) {
                    s.themeFn += predictedThemes.contains(t) ? 0 : 1;
                }
                if (!row.themes().isEmpty()) {
                    s.themeLabelled++;
                    s.themeFound += predictedThemes.containsAll(row.themes()) ? 1 : 0;
                }
                if (!row.type().equals("-")) {
                    s.typeLabelled++;
                    s.type += row.type().equals(predictedType) ? 1 : 0;
                }
            }
            if (!row.language().equals(a.language()) || !row.sentiment().equals(a.sentiment().wireName())
                    || !row.themes().equals(predictedThemes) || !row.type().equals(predictedType)) {
                errors.add(String.format(Locale.ROOT, "%s [%s] lang %s/%s sent %s/%s(%.2f) themes %s/%s type %s/%s | %s",
                        row.id(), row.language(), row.language(), a.language(), row.sentiment(),
                        a.sentiment().wireName(), a.sentimentScore(), row.themes(), predictedThemes, row.type(),
                        predictedType, row.text()));
            }
        }

        StringBuilder table = new StringBuilder("\nText analytics evaluation on " + name + "\n");
        scores.forEach((language, s) -> table.append(s.line(language)).append('\n'));
        table.append(overall.line("all")).append('\n');
        if (printErrors) {
            errors.forEach(e -> table.append(e).append('\n'));
        }
        System.out.println(table);
        return new Evaluation(scores, overall);
    }

    /** Reads {@code analytics/<set>.tsv} (tuned and kept-out rows apart) and holds it to its floors. */
    private static void assertThemesDevSet(String set, Floors floors) throws IOException {
        assertFloors(evaluateWithKeptOut(read("analytics/" + set + ".tsv"), set + ".tsv"), set, floors);
    }

    /** Language at the target per language; sentiment and theme sets per language, labelled found overall at floors. */
    private static void assertFloors(Evaluation evaluation, String set, Floors floors) {
        assertPerLanguage(evaluation, set, floors.sentiment());
        evaluation.byLanguage().forEach((language, s) -> assertThat(s.rate(s.themes))
                .as(language + " " + set + " theme-set accuracy").isGreaterThanOrEqualTo(floors.themes()));
        assertThat(evaluation.overall().found()).as(set + " labelled theme found")
                .isGreaterThanOrEqualTo(floors.labelledFound());
    }

    /** Language accuracy at the target and sentiment accuracy at {@code minSentiment}, in each language of a set. */
    private static void assertPerLanguage(Evaluation evaluation, String set, double minSentiment) {
        evaluation.byLanguage().forEach((language, s) -> {
            assertThat(s.rate(s.language)).as(language + " " + set + " language accuracy").isGreaterThanOrEqualTo(MIN_LANGUAGE);
            assertThat(s.rate(s.sentiment)).as(language + " " + set + " sentiment accuracy")
                    .isGreaterThanOrEqualTo(minSentiment);
        });
    }

    private static void assertTargets(String name, Score s) {
        assertThat(s.rate(s.language)).as(name + " language accuracy").isGreaterThanOrEqualTo(MIN_LANGUAGE);
        assertThat(s.rate(s.sentiment)).as(name + " sentiment accuracy").isGreaterThanOrEqualTo(MIN_SENTIMENT);
        assertThat(s.rate(s.themes)).as(name + " theme-set accuracy").isGreaterThanOrEqualTo(MIN_THEMES);
    }

    private static List<Row> read() throws IOException {
        String override = System.getProperty("halqe.evaluation");
        return override != null && !override.isBlank()
                ? parse(Files.readString(Path.of(override), StandardCharsets.UTF_8)) : read("analytics/evaluation.tsv");
    }

    static List<Row> read(String resource) throws IOException {
        try (InputStream in = EvaluationTest.class.getClassLoader().getResourceAsStream(resource)) {
            assertThat(in).as(resource + " on the test classpath").isNotNull();
            return parse(new String(in.readAllBytes(), StandardCharsets.UTF_8));
        }
    }

    private static List<Row> parse(String content) {
        List<Row> rows = new ArrayList<>();
        String[] lines = content.split("\r?\n");
        for (int i = 1; i < lines.length; i++) {
            if (lines[i].isBlank()) {
                continue;
            }
            String[] f = lines[i].split("\t", 7);
            Set<String> themes = new TreeSet<>();
            if (!f[3].strip().equals("-")) {
                Arrays.stream(f[3].split(",")).map(String::strip).filter(t -> !t.isEmpty()).forEach(themes::add);
            }
            Integer nps = f[5].strip().equals("-") ? null : Integer.valueOf(f[5].strip());
            rows.add(new Row(f[0], f[1].strip(), f[2].strip(), themes, f[4].strip(), nps, f[6]));
        }
        return rows;
    }
}
