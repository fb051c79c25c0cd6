package io.halqe.domain.fakes;

import io.halqe.domain.links.Invitation;
import io.halqe.domain.links.InvitationStore;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

public final class InMemoryInvitations implements InvitationStore {

    public final Map<String, Invitation> stored = new HashMap<>();
    private final Map<String, LocalDate> firstSent = new HashMap<>();

    @Override
    public void save(Invitation invitation, Instant sentAt) {
        stored.put(invitation.id(), invitation);
        firstSent.putIfAbsent(invitation.id(), sentAt.atZone(ZoneOffset.UTC).toLocalDate());
    }

    @Override
    public Optional<Invitation> find(String invitationId) {
        return Optional.ofNullable(stored.get(invitationId));
    }

    @Override
    public long sentBetween(String surveyId, LocalDate from, LocalDate to) {
        return firstSent.entrySet().stream().filter(sent -> stored.get(sent.getKey()).surveyId().equals(surveyId))
                .filter(sent -> !sent.getValue().isBefore(from) && !sent.getValue().isAfter(to)).count();
    }
}
