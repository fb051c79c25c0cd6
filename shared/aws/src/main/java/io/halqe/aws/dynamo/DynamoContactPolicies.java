package io.halqe.aws.dynamo;

import com.fasterxml.jackson.core.type.TypeReference;
import io.halqe.domain.outreach.ContactPolicies;
import io.halqe.domain.outreach.ContactPolicy;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/** The contact policy in the Directory table (pk {@code CONFIG}, sk {@code CONTACT_POLICY}); the defaults until set. */
public final class DynamoContactPolicies implements ContactPolicies {

    private final ConfigDocument<ContactPolicy> document;

    public DynamoContactPolicies(DynamoDbClient dynamo, String table) {
        this.document = new ConfigDocument<>(dynamo, table, "CONTACT_POLICY", new TypeReference<>() { },
                () -> ContactPolicy.DEFAULTS);
    }

    @Override
    public ContactPolicy current() {
        return document.current();
    }

    @Override
    public void replace(ContactPolicy policy) {
        document.replace(policy);
    }
}
