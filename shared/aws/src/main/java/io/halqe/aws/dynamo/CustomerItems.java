package io.halqe.aws.dynamo;

import io.halqe.domain.customers.CustomerProfile;
import io.halqe.domain.customers.FeedbackEntry;
import java.util.LinkedHashMap;
import java.util.Map;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * A profile as a DynamoDB map, the same in the directory and in the snapshot enrichment puts on a response (so a
 * stream consumer or routing pattern reads {@code customer.segment} alike in both).
 */
public final class CustomerItems {

    private CustomerItems() {
    }

    public static Map<String, AttributeValue> toMap(CustomerProfile c) {
        Map<String, AttributeValue> map = new LinkedHashMap<>();
        put(map, "id", c.id());
        put(map, "name", c.name());
        put(map, "email", c.email());
        put(map, "phone", c.phone());
        put(map, "segment", c.segment());
        put(map, "plan", c.plan());
        if (c.lifetimeValue() != null) {
            map.put("lifetimeValue", AttributeValue.fromN(Double.toString(c.lifetimeValue())));
        }
        put(map, "region", c.region());
        put(map, "accountOwner", c.accountOwner());
        put(map, "language", c.language());
        put(map, "timeZone", c.timeZone());
        if (!c.attributes().isEmpty()) {
            Map<String, AttributeValue> attributes = new LinkedHashMap<>();
            c.attributes().forEach((name, value) -> attributes.put(name, Items.s(value)));
            map.put("attributes", AttributeValue.fromM(attributes));
        }
        if (c.updatedAt() != null) {
            map.put("updatedAt", Items.s(c.updatedAt().toString()));
        }
        return map;
    }

    public static CustomerProfile fromMap(Map<String, AttributeValue> map) {
        Map<String, String> attributes = new LinkedHashMap<>();
        if (map.get("attributes") != null && map.get("attributes").hasM()) {
            map.get("attributes").m().forEach((name, value) -> attributes.put(name, value.s()));
        }
        AttributeValue ltv = map.get("lifetimeValue");
        return new CustomerProfile(Items.string(map, "id"), Items.string(map, "name"), Items.string(map, "email"),
                Items.string(map, "phone"), Items.string(map, "segment"), Items.string(map, "plan"),
                ltv == null || ltv.n() == null ? null : Double.valueOf(ltv.n()), Items.string(map, "region"),
                Items.string(map, "accountOwner"), Items.string(map, "language"), Items.string(map, "timeZone"),
                attributes, Items.instant(map, "updatedAt"));
    }

    static Map<String, AttributeValue> historyItem(String customerId, FeedbackEntry entry) {
        Map<String, AttributeValue> item = new LinkedHashMap<>();
        item.put("pk", Items.s(DynamoCustomerDirectory.pk(customerId)));
        item.put("sk", Items.s("FB#" + entry.submittedAt() + "#" + entry.responseId()));
        put(item, "responseId", entry.responseId());
        put(item, "surveyId", entry.surveyId());
        put(item, "submittedAt", entry.submittedAt().toString());
        if (entry.npsScore() != null) {
            item.put("npsScore", Items.n(entry.npsScore()));
        }
        put(item, "npsCategory", entry.npsCategory());
        put(item, "sentiment", entry.sentiment());
        if (!entry.themes().isEmpty()) {
            item.put("themes", AttributeValue.fromL(entry.themes().stream().map(Items::s).toList()));
        }
        put(item, "feedbackType", entry.feedbackType());
        put(item, "comment", entry.comment());
        put(item, "language", entry.language());
        return item;
    }

    static FeedbackEntry historyEntry(Map<String, AttributeValue> item) {
        return new FeedbackEntry(Items.string(item, "responseId"), Items.string(item, "surveyId"),
                Items.instant(item, "submittedAt"), Items.integer(item, "npsScore"), Items.string(item, "npsCategory"),
                Items.string(item, "sentiment"),
                item.get("themes") == null ? null : item.get("themes").l().stream().map(AttributeValue::s).toList(),
                Items.string(item, "feedbackType"), Items.string(item, "comment"), Items.string(item, "language"));
    }

    private static void put(Map<String, AttributeValue> map, String name, String value) {
        if (value != null) {
            map.put(name, Items.s(value));
        }
    }
}
