package io.halqe.domain.access;

import io.halqe.domain.core.Page;
import java.util.Optional;

public interface ApiKeyStore {

    /** False if a key with that id exists. */
    boolean create(ApiKey key);

    Optional<ApiKey> find(String id);

    Page<ApiKey> list(int limit, String cursor);

    /** Saves the key as revoked; false if there is no such key. */
    boolean revoke(ApiKey revoked);
}
