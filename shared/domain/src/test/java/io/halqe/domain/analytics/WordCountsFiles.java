package io.halqe.domain.analytics;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Function;

/**
 * The {@link WordCounts} files, counted from the labelled development comments: every development set's tuned rows,
 * and the two sets tuned on whole. {@code -Dhalqe.models.write=true} (run from the module) rewrites them.
 */
final class WordCountsFiles {

    static final List<String> DEVELOPMENT_SETS = List.of("themes-dev", "themes-dev2", "themes-dev3", "themes-dev4",
            "themes-dev5");
    static final List<String> TUNED_SETS = List.of("evaluation", "complaints-dev");

    private static final CommentNormalizer NORMALIZER = new CommentNormalizer();

    private WordCountsFiles() {
    }

    static List<EvaluationTest.Row> trainingRows() throws IOException {
        List<EvaluationTest.Row> rows = new ArrayList<>();
        for (String set : DEVELOPMENT_SETS) {
            EvaluationTest.read("analytics/" + set + ".tsv").stream().filter(row -> !EvaluationTest.keptOut(row))
                    .forEach(rows::add);
        }
        for (String set : TUNED_SETS) {
            rows.addAll(EvaluationTest.read("analytics/" + set + ".tsv"));
        }
        return rows;
    }

    /** The ids of the development rows kept out of tuning, which no count may include. */
    static List<String> keptOutIds() throws IOException {
        List<String> ids = new ArrayList<>();
        for (String set : DEVELOPMENT_SETS) {
            EvaluationTest.read("analytics/" + set + ".tsv").stream().filter(EvaluationTest::keptOut)
                    .map(EvaluationTest.Row::id).forEach(ids::add);
        }
        return ids;
    }

    /** A count file: classes, comments per class, then each feature's count per class, features sorted. */
    static String count(String title, List<EvaluationTest.Row> rows, List<String> classes,
                        Function<EvaluationTest.Row, Set<String>> labels) {
        long[] documents = new long[classes.size()];
        TreeMap<String, long[]> counts = new TreeMap<>();
        for (EvaluationTest.Row row : rows) {
            Set<String> features = WordCounts.features(NORMALIZER.normalize(row.text(), null));
            for (String label : labels.apply(row)) {
                int c = classes.indexOf(label);
                assertThat(c).as(row.id() + " has an unknown label " + label).isNotNegative();
                documents[c]++;
                features.forEach(feature -> counts.computeIfAbsent(feature, f -> new long[classes.size()])[c]++);
            }
        }
        StringBuilder out = new StringBuilder("# " + title + ", counted by WordCountsFiles from the labelled"
                + " development comments: do not edit.\nclasses\t" + String.join("\t", classes) + "\ndocuments\t"
                + join(documents) + "\n");
        counts.forEach((feature, count) -> out.append(feature).append('\t').append(join(count)).append('\n'));
        return out.toString();
    }

    /** The committed file's text, after rewriting it first when {@code halqe.models.write} is set. */
    static String committed(String resource, String counted) throws IOException {
        if (Boolean.getBoolean("halqe.models.write")) {
            Files.writeString(Path.of("src/main/resources", resource), counted, StandardCharsets.UTF_8);
            return counted;
        }
        try (InputStream in = WordCountsFiles.class.getClassLoader().getResourceAsStream(resource)) {
            assertThat(in).as(resource).isNotNull();
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    private static String join(long[] values) {
        return String.join("\t", Arrays.stream(values).mapToObj(Long::toString).toList());
    }
}
