package io.halqe.domain.fakes;

import io.halqe.domain.suppression.SuppressionList;
import io.halqe.domain.suppression.UnsubscribeLinks;
import java.time.Instant;
import java.util.Optional;

/** A recognisable link per address (its suppression id, as the real ones carry); tokens are never resolved. */
public final class FakeUnsubscribeLinks implements UnsubscribeLinks {

    @Override
    public String urlFor(String address, Instant at) {
        return "https://f.example.com/u/" + SuppressionList.idOf(address);
    }

    @Override
    public Optional<String> suppressionIdOf(String token, Instant now) {
        return Optional.empty();
    }
}
