package io.halqe.domain.webhooks;

import io.halqe.domain.core.Page;
import io.halqe.domain.core.Problem;
import java.net.URI;
import java.net.URISyntaxException;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/**
 * {@code /api/webhooks}: subscriptions are made (their secret shown once), listed, deleted and given a new secret;
 * their deliveries are listed and re-sent. A rotated secret keeps signing for {@link #OVERLAP}, beside the new one.
 */
public final class ManageWebhooks {

    public static final Duration OVERLAP = Duration.ofHours(24);
    static final int MAX_SUBSCRIPTIONS = 20;
    private static final int MAX_URL = 2000;
    private static final int MAX_FILTER = 4000;
    private static final int MAX_DESCRIPTION = 200;

    public record Request(String url, List<String> events, String filter, String description) {
    }

    public sealed interface Outcome {
        record Created(WebhookSubscription subscription, String secret) implements Outcome {
        }

        record Invalid(Problem problem) implements Outcome {
        }
    }

    private final WebhookStore store;
    private final WebhookFilter filter;
    private final Set<String> schemes;

    /** {@code schemes}: the URL schemes a subscription may use ({@code https}; the local cloud adds {@code http}). */
    public ManageWebhooks(WebhookStore store, WebhookFilter filter, Set<String> schemes) {
        this.store = store;
        this.filter = filter;
        this.schemes = Set.copyOf(schemes);
    }

    public Outcome create(Request request, Instant now) {
        Optional<Problem> problem = problem(request);
        if (problem.isPresent()) {
            return new Outcome.Invalid(problem.get());
        }
        if (store.subscriptions().size() >= MAX_SUBSCRIPTIONS) {
            return new Outcome.Invalid(new Problem(null, "there are already " + MAX_SUBSCRIPTIONS
                    + " subscriptions: delete one first"));
        }
        var subscription = new WebhookSubscription("wh_" + UUID.randomUUID().toString().replace("-", ""),
                request.url(), request.events().stream().distinct().toList(), request.filter(),
                request.description(), now);
        String secret = newSecret();
        store.create(subscription, new WebhookSecret(secret, null));
        return new Outcome.Created(subscription, secret);
    }

    public List<WebhookSubscription> list() {
        return store.subscriptions();
    }

    public Optional<WebhookSubscription> find(String id) {
        return store.subscription(id);
    }

    public boolean delete(String id) {
        return store.delete(id);
    }

    /** A new current secret; the current one retires after {@link #OVERLAP}, and retired ones are dropped. */
    public Optional<String> rotate(String id, Instant now) {
        if (store.subscription(id).isEmpty()) {
            return Optional.empty();
        }
        List<WebhookSecret> kept = new ArrayList<>();
        for (WebhookSecret secret : store.secrets(id)) {
            if (secret.retiresAt() == null) {
                kept.add(new WebhookSecret(secret.value(), now.plus(OVERLAP)));
            } else if (secret.signsAt(now)) {
                kept.add(secret);
            }
        }
        String fresh = newSecret();
        kept.add(0, new WebhookSecret(fresh, null));
        store.replaceSecrets(id, kept);
        return Optional.of(fresh);
    }

    public Page<WebhookDelivery> deliveries(String id, WebhookDelivery.Status status, int limit, String cursor) {
        return store.deliveries(id, status, limit, cursor);
    }

    /** Sent again by the next sweep, from the start of the retry schedule; empty when there is no such delivery. */
    public Optional<WebhookDelivery> resend(String id, String deliveryId, Instant now) {
        return store.delivery(id, deliveryId).map(delivery -> {
            WebhookDelivery requeued = delivery.requeued(now);
            store.save(requeued);
            return requeued;
        });
    }

    private Optional<Problem> problem(Request request) {
        if (request.url() == null || request.url().isBlank()) {
            return Optional.of(new Problem("url", "is required"));
        }
        if (request.url().length() > MAX_URL || !acceptedUrl(request.url())) {
            return Optional.of(new Problem("url", "must be an absolute " + String.join(" or ", schemes.stream()
                    .sorted().toList()) + " URL with a host, no user name and no fragment, of at most " + MAX_URL
                    + " characters"));
        }
        if (request.events() == null || request.events().isEmpty()) {
            return Optional.of(new Problem("events", "must name at least one of " + WebhookEvents.TYPES));
        }
        for (int i = 0; i < request.events().size(); i++) {
            if (!WebhookEvents.TYPES.contains(request.events().get(i))) {
                return Optional.of(new Problem("events[" + i + "]", "must be one of " + WebhookEvents.TYPES));
            }
        }
        if (request.filter() != null && (request.filter().length() > MAX_FILTER || !filter.isValid(request.filter()))) {
            return Optional.of(new Problem("filter", "must be an EventBridge event pattern of at most " + MAX_FILTER
                    + " characters, held against the message ({\"type\": …, \"data\": {…}})"));
        }
        if (request.description() != null && request.description().length() > MAX_DESCRIPTION) {
            return Optional.of(new Problem("description", "must be at most " + MAX_DESCRIPTION + " characters"));
        }
        return Optional.empty();
    }

    private boolean acceptedUrl(String url) {
        try {
            URI uri = new URI(url);
            return uri.isAbsolute() && uri.getScheme() != null
                    && schemes.contains(uri.getScheme().toLowerCase(Locale.ROOT)) && uri.getHost() != null
                    && uri.getRawUserInfo() == null && uri.getRawFragment() == null;
        } catch (URISyntaxException e) {
            return false;
        }
    }

    /** Standard Webhooks' form: {@code whsec_} and 32 random bytes in base64. */
    private static String newSecret() {
        byte[] bytes = new byte[32];
        // made per call, never at init: a SnapStart snapshot must not carry a seeded generator into every instance
        new SecureRandom().nextBytes(bytes);
        return "whsec_" + Base64.getEncoder().encodeToString(bytes);
    }
}
