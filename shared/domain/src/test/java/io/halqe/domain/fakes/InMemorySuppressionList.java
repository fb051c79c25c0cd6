package io.halqe.domain.fakes;

import io.halqe.domain.suppression.SuppressionList;
import java.time.Instant;
import java.util.HashSet;
import java.util.Set;

public final class InMemorySuppressionList implements SuppressionList {

    private final Set<String> suppressed = new HashSet<>();

    @Override
    public boolean isSuppressed(String email) {
        return suppressed.contains(email);
    }

    @Override
    public void suppress(String email, String reason, Instant at) {
        suppressed.add(email);
    }
}
