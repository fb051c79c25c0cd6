package io.halqe.domain.enrichment;

import io.halqe.domain.customers.CustomerDirectory;
import io.halqe.domain.customers.CustomerProfile;
import io.halqe.domain.response.Response;
import io.halqe.domain.response.ResponseRepository;
import java.util.Optional;

/**
 * Who answered, as we know them now: the directory's profile of the customer a signed invitation named (it may have
 * learnt an address since the answer), else the snapshot enrichment took. Anonymous answers have no respondent.
 */
public final class Respondents {

    private final ResponseRepository responses;
    private final CustomerDirectory directory;

    public Respondents(ResponseRepository responses, CustomerDirectory directory) {
        this.responses = responses;
        this.directory = directory;
    }

    public Optional<Response> response(String responseId) {
        return responses.find(responseId);
    }

    public Optional<CustomerProfile> profileOf(Response response) {
        Optional<CustomerProfile> snapshot = Optional.ofNullable(response.enrichment()).map(e -> e.customer());
        if (response.customerId() == null) {
            return snapshot;
        }
        return directory.find(response.customerId()).or(() -> snapshot);
    }
}
