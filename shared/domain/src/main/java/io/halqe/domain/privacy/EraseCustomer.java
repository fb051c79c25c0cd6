package io.halqe.domain.privacy;

import io.halqe.domain.cases.CaseRepository;
import io.halqe.domain.cases.FollowUpCase;
import io.halqe.domain.core.Page;
import io.halqe.domain.customers.CustomerDirectory;
import io.halqe.domain.customers.CustomerProfile;
import io.halqe.domain.customers.FeedbackEntry;
import io.halqe.domain.response.Response;
import io.halqe.domain.response.ResponseRepository;
import io.halqe.domain.scoring.ForgetResponseCells;
import io.halqe.domain.suppression.SuppressionList;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * {@code DELETE /api/customers/{id}}: the person erased everywhere — their answers anonymised (scores stay, so every
 * figure stays), their cases stripped of what they said, outreach, invitations and digest entries removed, and the
 * directory entry deleted last (so a retry after a failure still knows whom to erase). Their addresses stay on the
 * suppression list as hashes only: never contacted again, never named. Idempotent.
 */
public final class EraseCustomer {

    /** What was erased where, and what was kept (anonymous) and why. */
    public record Receipt(String customerId, Map<String, Integer> erased, List<String> kept) {
    }

    private final CustomerDirectory directory;
    private final ResponseRepository responses;
    private final CaseRepository cases;
    private final SuppressionList suppression;
    private final List<PersonalDataStore> elsewhere;
    private final ForgetResponseCells cells;

    public EraseCustomer(CustomerDirectory directory, ResponseRepository responses, CaseRepository cases,
                         SuppressionList suppression, List<PersonalDataStore> elsewhere, ForgetResponseCells cells) {
        this.directory = directory;
        this.responses = responses;
        this.cases = cases;
        this.suppression = suppression;
        this.elsewhere = List.copyOf(elsewhere);
        this.cells = cells;
    }

    public Receipt erase(String customerId, Instant at) {
        Person person = find(customerId);
        Map<String, Integer> erased = new LinkedHashMap<>();
        int anonymised = 0;
        int stripped = 0;
        int scoreCells = 0;
        for (String responseId : person.responseIds()) {
            var response = responses.find(responseId);
            if (response.isPresent() && response.get().customerId() != null) {
                // the cells first: the answer still says which hidden values named them
                scoreCells += cells.forget(response.get());
                responses.replaceAnonymised(response.get().anonymised());
                anonymised++;
            }
            if (cases.anonymise(FollowUpCase.idFor(responseId))) {
                stripped++;
            }
        }
        erased.put("responses", anonymised);
        erased.put("cases", stripped);
        erased.put("scoreCells", scoreCells);
        for (PersonalDataStore store : elsewhere) {
            erased.put(store.name(), store.erase(person));
        }
        for (String address : new String[] {person.email(), person.phone()}) {
            if (address != null) {
                suppression.forget(address, at);
            }
        }
        erased.put("directory", directory.erase(customerId));
        return new Receipt(customerId, erased, List.of(
                "scores in the aggregates (anonymous counts; the figures do not change; cells named by their hidden"
                        + " values lose their answers)",
                "the suppression list (a hash of each address, so they are never contacted again)"));
    }

    /** The person as the directory and their answers know them. */
    Person find(String customerId) {
        var profile = directory.find(customerId);
        Set<String> responseIds = new LinkedHashSet<>();
        for (FeedbackEntry entry : Page.all(cursor -> directory.history(customerId, 1000, cursor))) {
            responseIds.add(entry.responseId());
        }
        String email = profile.map(CustomerProfile::email).orElse(null);
        String phone = profile.map(CustomerProfile::phone).orElse(null);
        return new Person(customerId, email, phone, responseIds);
    }
}
