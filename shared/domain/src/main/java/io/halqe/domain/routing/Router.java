package io.halqe.domain.routing;

import java.util.Map;

/** Matches the enriched response against the routing rules. */
public interface Router {

    /** {@code detail} is the ResponseEnriched detail as JSON-ready maps and lists. */
    Routes route(Map<String, Object> detail, String accountOwner);
}
