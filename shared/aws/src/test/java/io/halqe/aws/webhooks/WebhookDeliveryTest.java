package io.halqe.aws.webhooks;

import static org.assertj.core.api.Assertions.assertThat;

import io.halqe.aws.dynamo.DynamoWebhookStore;
import io.halqe.aws.routing.EventRulerWebhookFilter;
import io.halqe.domain.webhooks.DeliverWebhooks;
import io.halqe.domain.webhooks.EnqueueWebhooks;
import io.halqe.domain.webhooks.ManageWebhooks;
import io.halqe.domain.webhooks.WebhookDelivery;
import io.halqe.domain.webhooks.WebhookSender;
import io.halqe.local.runtime.testing.LocalDynamoDbPerClass;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Subscriptions, the outbox and the sweep's delivery over the Webhooks table (DynamoDB Local, the template's table). */
class WebhookDeliveryTest {

    private static final Instant T0 = Instant.parse("2026-12-03T10:00:00Z");
    @RegisterExtension
    static final LocalDynamoDbPerClass db = new LocalDynamoDbPerClass();

    private final DynamoWebhookStore store = new DynamoWebhookStore(db.client(), db.tableName("WebhooksTable"));
    private final ManageWebhooks manage = new ManageWebhooks(store, new EventRulerWebhookFilter(), Set.of("https"));
    private final EnqueueWebhooks outbox = new EnqueueWebhooks(store::subscriptions, store, new EventRulerWebhookFilter());
    private final List<String> sent = new ArrayList<>();

    private String subscribe(String url, List<String> events, String filter) {
        var outcome = manage.create(new ManageWebhooks.Request(url, events, filter, null), T0);
        return ((ManageWebhooks.Outcome.Created) outcome).subscription().id();
    }

    private WebhookSender answering(int status) {
        return (url, id, timestamp, body, secrets) -> {
            sent.add(url + " " + id);
            return new WebhookSender.Result(status, status == 200 ? null : "answered HTTP " + status);
        };
    }

    @Test
    void create_shouldNameTheField_whenTheInputIsWrong() {
        // WHEN subscriptions with a plain-http URL, a user name in the URL, no events, or a broken filter are made
        // THEN each is refused naming its field
        assertThat(manage.create(new ManageWebhooks.Request("http://crm.example/h", List.of("case.opened"), null, null), T0))
                .isInstanceOfSatisfying(ManageWebhooks.Outcome.Invalid.class,
                        invalid -> assertThat(invalid.problem().field()).isEqualTo("url"));
        assertThat(manage.create(new ManageWebhooks.Request("https://me:pw@crm.example/h", List.of("case.opened"), null,
                null), T0)).isInstanceOfSatisfying(ManageWebhooks.Outcome.Invalid.class,
                        invalid -> assertThat(invalid.problem().field()).isEqualTo("url"));
        assertThat(manage.create(new ManageWebhooks.Request("https://crm.example/h", List.of(), null, null), T0))
                .isInstanceOfSatisfying(ManageWebhooks.Outcome.Invalid.class,
                        invalid -> assertThat(invalid.problem().field()).isEqualTo("events"));
        assertThat(manage.create(new ManageWebhooks.Request("https://crm.example/h", List.of("case.opened"),
                "{\"data\": [", null), T0)).isInstanceOfSatisfying(ManageWebhooks.Outcome.Invalid.class,
                        invalid -> assertThat(invalid.problem().field()).isEqualTo("filter"));
    }

    @Test
    void enqueue_shouldOweOneDeliveryPerMatchingSubscription_whenTheSameEventComesTwice() {
        // GIVEN one subscription to opened cases of team billing, one to every opened case, one to closed cases
        String billing = subscribe("https://billing.example/h", List.of("case.opened"),
                "{\"data\":{\"team\":[\"billing\"]}}");
        String all = subscribe("https://all.example/h", List.of("case.opened"), null);
        String closed = subscribe("https://closed.example/h", List.of("case.closed"), null);
        // WHEN a support case's opening is announced twice
        String message = WebhookMessages.of("case.opened", T0, java.util.Map.of("caseId", "c-1", "team", "support"));
        int first = outbox.enqueue("case.opened", "c-1", T0, message, T0);
        int again = outbox.enqueue("case.opened", "c-1", T0, message, T0);
        // THEN only the unfiltered subscription is owed it, once
        assertThat(first).isEqualTo(1);
        assertThat(again).isZero();
        assertThat(store.deliveries(all, null, 10, null).items()).singleElement()
                .satisfies(delivery -> assertThat(delivery.payload()).isEqualTo(message));
        assertThat(store.deliveries(billing, null, 10, null).items()).isEmpty();
        assertThat(store.deliveries(closed, null, 10, null).items()).isEmpty();
    }

    @Test
    void deliver_shouldSendADueDeliveryOnce_whenTwoSweepsOverlap() {
        // GIVEN one delivery owed
        String subscription = subscribe("https://overlap.example/h", List.of("score.shifted"), null);
        outbox.enqueue("score.shifted", "s-1", T0, "{\"type\":\"score.shifted\"}", T0);
        WebhookDelivery due = store.deliveries(subscription, null, 10, null).items().getFirst();
        // WHEN one sweep has claimed it and another, which read it as due too, tries to claim it
        assertThat(store.claim(due, T0.plus(Duration.ofMinutes(15)))).isTrue();
        assertThat(store.claim(due, T0.plus(Duration.ofMinutes(15)))).isFalse();
        // THEN a sweep within the lease sends nothing; one after it (the first run died) sends it once
        new DeliverWebhooks(store, answering(200)).deliver(T0.plus(Duration.ofMinutes(5)), () -> true);
        assertThat(sent).noneMatch(line -> line.startsWith("https://overlap.example"));
        new DeliverWebhooks(store, answering(200)).deliver(T0.plus(Duration.ofMinutes(16)), () -> true);
        new DeliverWebhooks(store, answering(200)).deliver(T0.plus(Duration.ofMinutes(30)), () -> true);
        assertThat(sent).filteredOn(line -> line.startsWith("https://overlap.example")).hasSize(1);
        assertThat(store.deliveries(subscription, null, 10, null).items().getFirst().status())
                .isEqualTo(WebhookDelivery.Status.DELIVERED);
    }

    @Test
    void deliver_shouldGoOnWithTheOthers_andDeadLetterAfterTheSchedule_whenAReceiverKeepsFailing() {
        // GIVEN a delivery owed to a deleted subscription and one to a receiver that always answers 500
        String gone = subscribe("https://gone.example/h", List.of("response.enriched"), null);
        String failing = subscribe("https://failing.example/h", List.of("response.enriched"), null);
        outbox.enqueue("response.enriched", "r-9", T0, "{\"type\":\"response.enriched\"}", T0);
        manage.delete(gone);
        // WHEN sweeps run every 5 minutes for a day and a half
        var sweep = new DeliverWebhooks(store, answering(500));
        for (Instant at = T0; at.isBefore(T0.plus(Duration.ofHours(36))); at = at.plus(Duration.ofMinutes(5))) {
            sweep.deliver(at, () -> true);
        }
        // THEN the failing receiver was tried on the schedule (7 attempts in all), then dead-lettered
        assertThat(sent).filteredOn(line -> line.startsWith("https://failing.example")).hasSize(7);
        WebhookDelivery dead = store.deliveries(failing, WebhookDelivery.Status.FAILED, 10, null).items().getFirst();
        assertThat(dead.attempts()).isEqualTo(7);
        assertThat(dead.lastAttempt().httpStatus()).isEqualTo(500);
        // AND the deleted subscription's delivery was closed as failed without a request
        assertThat(sent).noneMatch(line -> line.startsWith("https://gone.example"));
        // AND a re-send puts it back at the start of the schedule
        var requeued = manage.resend(failing, dead.key(), T0.plus(Duration.ofHours(40))).orElseThrow();
        assertThat(requeued.status()).isEqualTo(WebhookDelivery.Status.PENDING);
        assertThat(requeued.attempts()).isZero();
        assertThat(store.due(T0.plus(Duration.ofHours(40)), 10)).extracting(WebhookDelivery::key).contains(dead.key());
    }

    @Test
    void deliverAdded_shouldSendANewDeliveryAtOnce_andOnlyOnce_whenItsAnnouncementComesAgain() {
        // GIVEN a delivery just added, due at its event's time (a minute after this machine's clock)
        String subscription = subscribe("https://now.example/h", List.of("case.closed"), "{\"data\":{\"caseId\":[\"c-7\"]}}");
        outbox.enqueue("case.closed", "c-7", T0.plusSeconds(60), "{\"type\":\"case.closed\",\"data\":{\"caseId\":\"c-7\"}}",
                T0.plusSeconds(60));
        WebhookDelivery added = store.deliveries(subscription, null, 10, null).items().getFirst();
        var announced = List.of(new DeliverWebhooks.Added(subscription, added.key()),
                new DeliverWebhooks.Added(subscription, "0000000000000.no-such-delivery"));
        // WHEN its announcement is handled twice (at-least-once), then the sweep runs
        var first = new DeliverWebhooks(store, answering(200)).deliverAdded(announced, T0, () -> true);
        var again = new DeliverWebhooks(store, answering(200)).deliverAdded(announced, T0, () -> true);
        new DeliverWebhooks(store, answering(200)).deliver(T0.plus(Duration.ofMinutes(5)), () -> true);
        // THEN it was sent once, at once, stamped no earlier than its due time; an unknown key is no failure
        assertThat(sent).filteredOn(line -> line.startsWith("https://now.example")).hasSize(1);
        assertThat(first.delivered()).isEqualTo(1);
        assertThat(first.failures()).isEmpty();
        assertThat(again.delivered()).isZero();
        WebhookDelivery delivered = store.deliveries(subscription, null, 10, null).items().getFirst();
        assertThat(delivered.status()).isEqualTo(WebhookDelivery.Status.DELIVERED);
        assertThat(delivered.lastAttempt().at()).isEqualTo(T0.plusSeconds(60));
    }

    @Test
    void deliverAdded_shouldLeaveTheRetriesToTheSweep_whenTheFirstAttemptFails() {
        // GIVEN a delivery just added to a receiver that answers 503
        String subscription = subscribe("https://later.example/h", List.of("case.opened"), "{\"data\":{\"caseId\":[\"c-8\"]}}");
        outbox.enqueue("case.opened", "c-8", T0, "{\"type\":\"case.opened\",\"data\":{\"caseId\":\"c-8\"}}", T0);
        WebhookDelivery added = store.deliveries(subscription, null, 10, null).items().getFirst();
        // WHEN its first attempt is made at once, and the announcement comes again
        var announced = List.of(new DeliverWebhooks.Added(subscription, added.key()));
        new DeliverWebhooks(store, answering(503)).deliverAdded(announced, T0, () -> true);
        new DeliverWebhooks(store, answering(503)).deliverAdded(announced, T0, () -> true);
        // THEN it was tried once and waits for the schedule's next attempt, 5 minutes later, which the sweep makes
        assertThat(sent).filteredOn(line -> line.startsWith("https://later.example")).hasSize(1);
        WebhookDelivery waiting = store.deliveries(subscription, null, 10, null).items().getFirst();
        assertThat(waiting.status()).isEqualTo(WebhookDelivery.Status.PENDING);
        assertThat(waiting.attempts()).isEqualTo(1);
        assertThat(waiting.nextAttemptAt()).isEqualTo(T0.plus(Duration.ofMinutes(5)));
        new DeliverWebhooks(store, answering(200)).deliver(T0.plus(Duration.ofMinutes(5)), () -> true);
        assertThat(sent).filteredOn(line -> line.startsWith("https://later.example")).hasSize(2);
    }

    @Test
    void deliverAdded_shouldLeaveItAlone_whenAnotherAttemptHoldsItsLease() {
        // GIVEN a delivery just added that the sweep has claimed and is sending
        String subscription = subscribe("https://held.example/h", List.of("case.opened"), "{\"data\":{\"caseId\":[\"c-9\"]}}");
        outbox.enqueue("case.opened", "c-9", T0, "{\"type\":\"case.opened\",\"data\":{\"caseId\":\"c-9\"}}", T0);
        WebhookDelivery added = store.deliveries(subscription, null, 10, null).items().getFirst();
        assertThat(store.claim(added, T0.plus(Duration.ofMinutes(15)))).isTrue();
        // WHEN its announcement arrives (late, or again)
        var run = new DeliverWebhooks(store, answering(200)).deliverAdded(
                List.of(new DeliverWebhooks.Added(subscription, added.key())), T0.plusSeconds(5), () -> true);
        // THEN nothing is sent beside the sweep's attempt, and the lease stands
        assertThat(sent).noneMatch(line -> line.startsWith("https://held.example"));
        assertThat(run.delivered()).isZero();
        assertThat(store.deliveries(subscription, null, 10, null).items().getFirst().nextAttemptAt())
                .isEqualTo(T0.plus(Duration.ofMinutes(15)));
    }
}
