package io.halqe.domain.customers;

import io.halqe.domain.core.Problem;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * Profiles from the admin API, a bulk import or the CRM's events. Each row of an import stands alone: a bad row is
 * reported with its field and the rest go on.
 */
public final class ManageCustomers {

    public static final int MAX_IMPORT_ROWS = 10_000;

    public sealed interface Outcome {
        record Saved(CustomerProfile profile, CustomerDirectory.Upserted how) implements Outcome {
        }

        record Invalid(Problem problem) implements Outcome {
        }
    }

    /** One line of an import: either a parsed profile or why the row could not be read. */
    public record Row(int number, CustomerProfile profile, String unreadable) {
    }

    public record RowReport(int row, String id, String status, String field, String message) {
    }

    public record ImportReport(int rows, int created, int updated, int unchanged, int failed, List<RowReport> errors) {
    }

    private final CustomerDirectory directory;

    public ManageCustomers(CustomerDirectory directory) {
        this.directory = directory;
    }

    /** {@code at} stamps profiles that carry no {@code updatedAt} of their own. */
    public Outcome upsert(CustomerProfile profile, Instant at) {
        CustomerProfile stamped = profile.updatedAt() == null ? profile.withUpdatedAt(at) : profile;
        var problem = CustomerValidator.check(stamped);
        if (problem.isPresent()) {
            return new Outcome.Invalid(problem.get());
        }
        return new Outcome.Saved(stamped, directory.upsert(stamped));
    }

    public ImportReport importRows(Iterable<Row> rows, Instant at) {
        int total = 0, created = 0, updated = 0, unchanged = 0;
        List<RowReport> errors = new ArrayList<>();
        for (Row row : rows) {
            total++;
            if (total > MAX_IMPORT_ROWS) {
                errors.add(new RowReport(row.number(), null, "error", null,
                        "an import holds at most " + MAX_IMPORT_ROWS + " rows; split the file"));
                break;
            }
            if (row.unreadable() != null) {
                errors.add(new RowReport(row.number(), null, "error", null, row.unreadable()));
                continue;
            }
            switch (upsert(row.profile(), at)) {
                case Outcome.Saved saved -> {
                    switch (saved.how()) {
                        case CREATED -> created++;
                        case UPDATED -> updated++;
                        case STALE -> unchanged++;
                    }
                }
                case Outcome.Invalid invalid -> errors.add(new RowReport(row.number(), row.profile().id(), "error",
                        invalid.problem().field(), invalid.problem().describe()));
            }
        }
        return new ImportReport(total, created, updated, unchanged, errors.size(), errors);
    }
}
