package io.halqe.domain.privacy;

import java.util.Set;

/** Whom an erasure or export is about: the directory id, the addresses they were reached at, and their answers. */
public record Person(String customerId, String email, String phone, Set<String> responseIds) {

    public Person {
        responseIds = Set.copyOf(responseIds);
    }
}
