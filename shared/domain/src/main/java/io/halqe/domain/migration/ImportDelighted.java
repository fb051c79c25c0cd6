package io.halqe.domain.migration;

import io.halqe.domain.core.Concurrently;
import io.halqe.domain.core.Problem;
import io.halqe.domain.core.Spreadsheet;
import io.halqe.domain.customers.CustomerDirectory;
import io.halqe.domain.customers.CustomerProfile;
import io.halqe.domain.response.Answer;
import io.halqe.domain.response.Response;
import io.halqe.domain.response.ResponseIds;
import io.halqe.domain.response.ResponseRepository;
import io.halqe.domain.response.ResponseStatus;
import io.halqe.domain.survey.Question;
import io.halqe.domain.survey.QuestionType;
import io.halqe.domain.survey.Survey;
import io.halqe.domain.survey.SurveyRepository;
import io.halqe.domain.text.TextNormalizer;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * Brings a Delighted responses export into a survey. Each row becomes an answer to the survey's NPS question (its
 * comment one to the first text question), dated when it was given and marked historical: it goes through
 * enrichment and scoring like any answer, so it is analysed and counts in the scores of its own day, and nothing
 * acts on it (no alert, case, email, re-survey). The person a row names (email, else phone) is filled into the
 * directory where it lacks them, never overwriting what is there, before any answer is stored, so enrichment adds
 * the answer to their history. An answer's id derives from its Response ID and is inserted only if absent: importing
 * the file again, whole or in parts, changes nothing. Every row stands alone: a bad one is reported and stores nothing.
 */
public final class ImportDelighted {

    /** Rows a request may hold: 5,000 answers are written in a few seconds, well within the API's 30. */
    public static final int MAX_ROWS = 5_000;
    /** Answers (and people) go to the store a hundred at a time: DynamoDB writes a hundred in one transaction. */
    static final int SLICE = 100;
    /** The name an imported answer's id is derived from, with its Response ID. */
    public static final String ID_PREFIX = "delighted:";

    public sealed interface Outcome {
        record Imported(Report report) implements Outcome {
        }

        record SurveyNotFound(String surveyId) implements Outcome {
        }

        /** The file, or the survey, cannot take these answers: nothing was stored. */
        record Refused(Problem problem) implements Outcome {
        }

        /** More than {@link #MAX_ROWS} rows: nothing was stored. */
        record TooManyRows(int rows) implements Outcome {
        }
    }

    /** One problem of one row; {@code responseId} is the row's Delighted Response ID, when it has one. */
    public record RowError(int row, String responseId, String field, String message) {
    }

    /**
     * {@code failed} counts rows, {@code errors} holds one entry per problem; {@code customers}: the people the stored
     * answers name, each filled into the directory.
     */
    public record Report(int rows, int created, int unchanged, int failed, int customers, List<RowError> errors) {
    }

    private final SurveyRepository surveys;
    private final ResponseRepository responses;
    private final CustomerDirectory directory;
    private final ZoneId zone;
    private final int parallelWrites;

    /**
     * {@code zone}: the reporting zone, where a date written without an offset was; {@code parallelWrites}: how many
     * slices of {@link #SLICE} are written at once.
     */
    public ImportDelighted(SurveyRepository surveys, ResponseRepository responses, CustomerDirectory directory,
                           ZoneId zone, int parallelWrites) {
        this.surveys = surveys;
        this.responses = responses;
        this.directory = directory;
        this.zone = zone;
        this.parallelWrites = parallelWrites;
    }

    /** {@code at}: now; an answer given after it is refused. */
    public Outcome importSheet(String surveyId, Spreadsheet sheet, Instant at) {
        Optional<Survey> found = surveys.find(surveyId);
        if (found.isEmpty()) {
            return new Outcome.SurveyNotFound(surveyId);
        }
        Survey survey = found.get();
        if (sheet.rows().size() > MAX_ROWS) {
            return new Outcome.TooManyRows(sheet.rows().size());
        }
        Optional<Problem> missing = DelightedColumns.missing(sheet.header());
        if (missing.isPresent()) {
            return new Outcome.Refused(missing.get());
        }
        DelightedColumns columns = DelightedColumns.of(sheet.header(), zone);
        List<DelightedColumns.Row> rows = sheet.rows().stream().map(line -> switch (line) {
            case Spreadsheet.Cells cells -> columns.row(cells.number(), cells.values());
            case Spreadsheet.Unreadable unreadable -> new DelightedColumns.Row(unreadable.number(), null, null, null,
                    null, null, List.of(new Problem(null, unreadable.why())));
        }).toList();
        Optional<Question> nps = survey.npsQuestion();
        Optional<Question> text = survey.questions().stream().filter(q -> q.type() == QuestionType.TEXT).findFirst();
        if (nps.isEmpty()) {
            return new Outcome.Refused(new Problem(DelightedColumns.SCORE, "has no NPS question to go into in survey "
                    + surveyId + ": add one (PUT /api/surveys/" + surveyId + ") and import again"));
        }
        if (text.isEmpty() && rows.stream().anyMatch(row -> row.comment() != null)) {
            return new Outcome.Refused(new Problem(DelightedColumns.COMMENT, "has no text question to go into in survey "
                    + surveyId + ": add one (PUT /api/surveys/" + surveyId + ") and import again"));
        }
        return new Outcome.Imported(store(survey, nps.get(), text.orElse(null), rows, at));
    }

    private Report store(Survey survey, Question nps, Question text, List<DelightedColumns.Row> rows, Instant at) {
        List<RowError> errors = new ArrayList<>();
        List<DelightedColumns.Row> good = valid(rows, at, errors);
        int failed = rows.size() - good.size();
        Map<String, String> notFilled = fillInPeople(good);
        List<DelightedColumns.Row> toInsert = new ArrayList<>();
        for (DelightedColumns.Row row : good) {
            String why = row.person() == null ? null : notFilled.get(row.person().id());
            if (why == null) {
                toInsert.add(row);
            } else {
                failed++;
                errors.add(new RowError(row.number(), row.responseId(), null, "not stored: the customer "
                        + row.person().id() + " could not be saved (" + why + "); import the file again"));
            }
        }
        List<Response> answers = toInsert.stream().map(row -> answer(survey, nps, text, row)).toList();
        List<Attempt<Written>> written = insert(answers);
        int created = 0;
        int unchanged = 0;
        for (int i = 0; i < toInsert.size(); i++) {
            DelightedColumns.Row row = toInsert.get(i);
            Attempt<Written> attempt = written.get(i);
            if (attempt.failure() != null) {
                failed++;
                errors.add(new RowError(row.number(), row.responseId(), null, "not stored (" + attempt.failure()
                        + "); import the file again"));
                continue;
            }
            switch (attempt.result()) {
                case CREATED -> created++;
                case UNCHANGED -> unchanged++;
                case CONFLICT -> {
                    failed++;
                    errors.add(new RowError(row.number(), row.responseId(), DelightedColumns.RESPONSE_ID,
                            DelightedColumns.RESPONSE_ID + " was imported before, or comes earlier in the file, with "
                                    + "another score or comment; the answer stored first is kept"));
                }
            }
        }
        int customers = (int) toInsert.stream().filter(row -> row.person() != null).map(row -> row.person().id())
                .distinct().count();
        errors.sort(Comparator.comparingInt(RowError::row));
        return new Report(rows.size(), created, unchanged, failed, customers, errors);
    }

    /** The rows that may be stored; every problem of the others, as errors. */
    private static List<DelightedColumns.Row> valid(List<DelightedColumns.Row> rows, Instant at, List<RowError> errors) {
        List<DelightedColumns.Row> good = new ArrayList<>();
        for (DelightedColumns.Row row : rows) {
            List<Problem> problems = new ArrayList<>(row.problems());
            if (row.givenAt() != null && row.givenAt().isAfter(at)) {
                problems.add(new Problem(DelightedColumns.CREATED_AT, "is in the future (" + row.givenAt()
                        + "): an imported answer was given before now"));
            }
            problems.forEach(problem -> errors.add(new RowError(row.number(), row.responseId(), problem.field(),
                    problem.describe())));
            if (problems.isEmpty()) {
                good.add(row);
            }
        }
        return good;
    }

    /**
     * Each person the rows name, once, as their newest row has them — known before any of their answers reaches
     * enrichment; those that could not be saved, with why.
     */
    private Map<String, String> fillInPeople(List<DelightedColumns.Row> rows) {
        Map<String, CustomerProfile> people = new LinkedHashMap<>();
        rows.stream().filter(row -> row.person() != null)
                .sorted(Comparator.comparing(DelightedColumns.Row::givenAt).reversed())
                .forEach(row -> people.putIfAbsent(row.person().id(), row.person()));
        List<CustomerProfile> persons = List.copyOf(people.values());
        List<Attempt<Boolean>> filled = inSlices(persons, slice -> {
            directory.fillInAll(slice);
            return slice.stream().map(person -> true).toList();
        });
        Map<String, String> notFilled = new HashMap<>();
        for (int i = 0; i < persons.size(); i++) {
            if (filled.get(i).failure() != null) {
                notFilled.put(persons.get(i).id(), filled.get(i).failure());
            }
        }
        return notFilled;
    }

    /**
     * Each answer written once: a Response ID the file repeats is met by its first row's answer (a store may write
     * many in one transaction, which takes one write per item).
     */
    private List<Attempt<Written>> insert(List<Response> answers) {
        Map<String, Response> first = new LinkedHashMap<>();
        answers.forEach(answer -> first.putIfAbsent(answer.id(), answer));
        List<Response> unique = List.copyOf(first.values());
        List<Attempt<Written>> written = inSlices(unique, slice -> {
            List<Optional<Response>> met = responses.insertAllIfAbsent(slice);
            List<Written> outcomes = new ArrayList<>();
            for (int i = 0; i < slice.size(); i++) {
                Response answer = slice.get(i);
                outcomes.add(met.get(i).map(existing -> existing.sameSubmissionAs(answer) ? Written.UNCHANGED
                        : Written.CONFLICT).orElse(Written.CREATED));
            }
            return outcomes;
        });
        Map<String, Attempt<Written>> byId = new HashMap<>();
        for (int i = 0; i < unique.size(); i++) {
            byId.put(unique.get(i).id(), written.get(i));
        }
        Set<String> seen = new HashSet<>();
        return answers.stream().map(answer -> {
            Attempt<Written> ofFirst = byId.get(answer.id());
            if (seen.add(answer.id()) || ofFirst.failure() != null || ofFirst.result() == Written.CONFLICT) {
                return ofFirst;
            }
            return new Attempt<>(answer.sameSubmissionAs(first.get(answer.id())) ? Written.UNCHANGED : Written.CONFLICT,
                    null);
        }).toList();
    }

    private enum Written { CREATED, UNCHANGED, CONFLICT }

    /** A write's result, or the name of the failure that kept it from being made. */
    private record Attempt<R>(R result, String failure) {
    }

    /** The row as an answer given then, in the customer's language when the survey has it. */
    private static Response answer(Survey survey, Question nps, Question text, DelightedColumns.Row row) {
        String language = survey.language(row.person() == null ? null : row.person().language());
        Map<String, Answer> answers = new LinkedHashMap<>();
        answers.put(nps.id(), new Answer.Score(QuestionType.NPS, row.score()));
        String comment = TextNormalizer.normalize(row.comment(), language);
        if (comment != null && !comment.isEmpty()) {
            answers.put(text.id(), new Answer.Text(comment));
        }
        return new Response(ResponseIds.named(survey.id(), ID_PREFIX + row.responseId()), survey.id(), survey.version(),
                answers, language, row.givenAt(), ResponseStatus.RECEIVED, null, Map.of(),
                row.person() == null ? null : row.person().id(), null, false, true);
    }

    /**
     * {@code write} on slices of {@link #SLICE} items, {@link #parallelWrites} slices at a time; per item its result,
     * or why its slice failed (a slice is all or nothing where the store writes it in one transaction, and one that
     * fails leaves the others).
     */
    private <T, R> List<Attempt<R>> inSlices(List<T> items, Function<List<T>, List<R>> write) {
        List<Supplier<List<Attempt<R>>>> tasks = new ArrayList<>();
        for (int from = 0; from < items.size(); from += SLICE) {
            List<T> slice = items.subList(from, Math.min(items.size(), from + SLICE));
            tasks.add(() -> {
                try {
                    return write.apply(slice).stream().map(result -> new Attempt<>(result, null)).toList();
                } catch (RuntimeException failure) {
                    return slice.stream().map(item -> new Attempt<R>(null, failure.getClass().getSimpleName())).toList();
                }
            });
        }
        // each slice returns its failure rather than throwing it
        List<Attempt<R>> results = new ArrayList<>();
        Concurrently.getAll(tasks, parallelWrites).forEach(results::addAll);
        return results;
    }
}
