package io.halqe.domain.privacy;

/** A place besides the directory, responses and cases that may hold something about a person (outreach, digests). */
public interface PersonalDataStore {

    /** What the receipt calls this place. */
    String name();

    /** Removes every item about the person; the number removed. Idempotent. */
    int erase(Person person);
}
