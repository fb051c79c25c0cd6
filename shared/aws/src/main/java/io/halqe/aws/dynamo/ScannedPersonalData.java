package io.halqe.aws.dynamo;

import io.halqe.domain.privacy.Person;
import io.halqe.domain.privacy.PersonalDataStore;
import io.halqe.domain.text.EmailAddresses;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * Items about a person found by what they contain: a filtered Scan (O(table); erasures are rare) over the item kinds
 * that hold a person's details as JSON, plus items keyed by the person. Used for the Outreach table (pending outreach,
 * invitations, the contact log) and the Cases table (digest entries).
 */
public final class ScannedPersonalData implements PersonalDataStore {

    /** Filter expressions stay far below DynamoDB's 4 KB limit with this many needles a scan. */
    private static final int NEEDLES_PER_SCAN = 20;

    private final DynamoDbClient dynamo;
    private final String table;
    private final String name;
    private final Map<String, String> jsonAttributeByKeyPrefix;
    private final java.util.function.Function<Person, List<String>> needles;
    private final java.util.function.Function<Person, List<String>> ownPartitions;

    private ScannedPersonalData(DynamoDbClient dynamo, String table, String name, Map<String, String> jsonAttributeByKeyPrefix,
                                java.util.function.Function<Person, List<String>> needles,
                                java.util.function.Function<Person, List<String>> ownPartitions) {
        this.dynamo = dynamo;
        this.table = table;
        this.name = name;
        this.jsonAttributeByKeyPrefix = Map.copyOf(jsonAttributeByKeyPrefix);
        this.needles = needles;
        this.ownPartitions = ownPartitions;
    }

    /** Outreach (its customer), invitations (their customer) and the contact log (keyed by id and address). */
    public static ScannedPersonalData outreach(DynamoDbClient dynamo, String table) {
        return new ScannedPersonalData(dynamo, table, "outreach", Map.of("OUT#", "outreach", "INV#", "invitation"),
                ScannedPersonalData::contactDetails, person -> {
                    List<String> partitions = new ArrayList<>();
                    partitions.add("CONTACT#id:" + person.customerId());
                    if (person.email() != null) {
                        partitions.add("CONTACT#email:" + EmailAddresses.canonical(person.email()));
                        partitions.add("CONTACT#id:" + EmailAddresses.canonical(person.email()));
                    }
                    return partitions;
                });
    }

    /** Digest entries quoting the person's answers. */
    public static ScannedPersonalData digests(DynamoDbClient dynamo, String table) {
        return new ScannedPersonalData(dynamo, table, "digests", Map.of("DIGEST#", "entry"),
                person -> person.responseIds().stream().map(id -> "\"responseId\":\"" + id + "\"").toList(),
                person -> List.of());
    }

    /** The person as the stored JSON names them: their id as a field, their address and phone anywhere. */
    private static List<String> contactDetails(Person person) {
        List<String> found = new ArrayList<>();
        found.add("\"id\":\"" + person.customerId() + "\"");
        if (person.email() != null) {
            found.add(EmailAddresses.canonical(person.email()));
            found.add(person.email().strip());
        }
        if (person.phone() != null) {
            found.add(person.phone().strip());
        }
        return found;
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public int erase(Person person) {
        List<Map<String, AttributeValue>> keys = new ArrayList<>();
        List<String> all = needles.apply(person);
        for (var kind : jsonAttributeByKeyPrefix.entrySet()) {
            for (int from = 0; from < all.size(); from += NEEDLES_PER_SCAN) {
                keys.addAll(matching(kind.getKey(), kind.getValue(), all.subList(from, Math.min(all.size(), from + NEEDLES_PER_SCAN))));
            }
        }
        for (String partition : ownPartitions.apply(person)) {
            keys.addAll(BatchWrites.keysOfPartition(dynamo, table, partition));
        }
        return BatchWrites.delete(dynamo, table, keys.stream().distinct().toList());
    }

    private List<Map<String, AttributeValue>> matching(String keyPrefix, String attribute, List<String> needles) {
        if (needles.isEmpty()) {
            return List.of();
        }
        Map<String, AttributeValue> values = new HashMap<>();
        values.put(":prefix", Items.s(keyPrefix));
        List<String> any = new ArrayList<>();
        for (int i = 0; i < needles.size(); i++) {
            values.put(":n" + i, Items.s(needles.get(i)));
            any.add("contains(#json, :n" + i + ")");
        }
        List<Map<String, AttributeValue>> keys = new ArrayList<>();
        dynamo.scanPaginator(request -> request.tableName(table)
                        .filterExpression("begins_with(pk, :prefix) AND (" + String.join(" OR ", any) + ")")
                        .expressionAttributeNames(Map.of("#json", attribute)).expressionAttributeValues(values)
                        .projectionExpression("pk, sk"))
                .items().forEach(item -> keys.add(Map.of("pk", item.get("pk"), "sk", item.get("sk"))));
        return keys;
    }
}
