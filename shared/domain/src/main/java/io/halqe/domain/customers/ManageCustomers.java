package io.halqe.domain.customers;

import io.halqe.domain.core.Problem;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * Profiles from the admin API, a bulk import or the CRM's events. Each row of an import stands alone: a bad row is
 * reported with every problem it has, each naming its field, and the rest go on.
 */
public final class ManageCustomers {

    public static final int MAX_IMPORT_ROWS = 10_000;

    public sealed interface Outcome {
        record Saved(CustomerProfile profile, CustomerDirectory.Upserted how) implements Outcome {
        }

        /** Every problem found, never none. */
        record Invalid(List<Problem> problems) implements Outcome {
            public Invalid {
                if (problems.isEmpty()) {
                    throw new IllegalArgumentException("an invalid profile has at least one problem");
                }
                problems = List.copyOf(problems);
            }

            /** The first problem: what an answer naming one field reports. */
            public Problem problem() {
                return problems.get(0);
            }
        }
    }

    /**
     * One line of an import: the profile read from it, and the problems met reading it (a number that is not one).
     * The profile is null when nothing could be read; the problems then say why.
     */
    public record Row(int number, CustomerProfile profile, List<Problem> problems) {
        public Row {
            problems = List.copyOf(problems);
            if (profile == null && problems.isEmpty()) {
                throw new IllegalArgumentException("row " + number + " has neither a profile nor a problem");
            }
        }

        public static Row of(int number, CustomerProfile profile) {
            return new Row(number, profile, List.of());
        }

        public static Row unreadable(int number, String why) {
            return new Row(number, null, List.of(new Problem(null, why)));
        }
    }

    /** One problem of one row; {@code id} is the row's id, or the one derived from its email or phone. */
    public record RowReport(int row, String id, String status, String field, String message) {
    }

    /** {@code failed} counts rows; {@code errors} holds one entry per problem, so a row may have several. */
    public record ImportReport(int rows, int created, int updated, int unchanged, int failed, List<RowReport> errors) {
    }

    private final CustomerDirectory directory;

    public ManageCustomers(CustomerDirectory directory) {
        this.directory = directory;
    }

    /** {@code at} stamps profiles that carry no {@code updatedAt} of their own. */
    public Outcome upsert(CustomerProfile profile, Instant at) {
        return upsert(profile, at, List.of());
    }

    private Outcome upsert(CustomerProfile profile, Instant at, List<Problem> metReading) {
        CustomerProfile stamped = profile.updatedAt() == null ? profile.withUpdatedAt(at) : profile;
        List<Problem> problems = new ArrayList<>(metReading);
        problems.addAll(CustomerValidator.problems(stamped));
        return problems.isEmpty() ? new Outcome.Saved(stamped, directory.upsert(stamped)) : new Outcome.Invalid(problems);
    }

    public ImportReport importRows(Iterable<Row> rows, Instant at) {
        int total = 0, created = 0, updated = 0, unchanged = 0, failed = 0;
        List<RowReport> errors = new ArrayList<>();
        for (Row row : rows) {
            total++;
            if (total > MAX_IMPORT_ROWS) {
                failed++;
                errors.add(new RowReport(row.number(), null, "error", null,
                        "an import holds at most " + MAX_IMPORT_ROWS + " rows; split the file"));
                break;
            }
            CustomerProfile profile = row.profile() == null ? null : row.profile().identified();
            Outcome outcome = profile == null ? new Outcome.Invalid(row.problems()) : upsert(profile, at, row.problems());
            switch (outcome) {
                case Outcome.Saved saved -> {
                    switch (saved.how()) {
                        case CREATED -> created++;
                        case UPDATED -> updated++;
                        case STALE -> unchanged++;
                    }
                }
                case Outcome.Invalid invalid -> {
                    failed++;
                    String id = profile == null ? null : profile.id();
                    invalid.problems().forEach(problem -> errors.add(new RowReport(row.number(), id, "error",
                            problem.field(), problem.describe())));
                }
            }
        }
        return new ImportReport(total, created, updated, unchanged, failed, errors);
    }
}
