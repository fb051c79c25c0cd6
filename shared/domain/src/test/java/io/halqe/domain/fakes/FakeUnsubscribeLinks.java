package io.halqe.domain.fakes;

import io.halqe.domain.suppression.UnsubscribeLinks;
import java.util.Optional;

/** A recognisable link per address; tokens are never resolved, which the use cases under test do not need. */
public final class FakeUnsubscribeLinks implements UnsubscribeLinks {

    @Override
    public String urlFor(String email) {
        return "https://f.example.com/u/" + email.hashCode();
    }

    @Override
    public Optional<String> emailOf(String token) {
        return Optional.empty();
    }
}
