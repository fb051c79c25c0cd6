package io.halqe.api;

import static org.assertj.core.api.Assertions.assertThat;

import io.halqe.aws.dynamo.DynamoApiKeys;
import io.halqe.domain.access.ManageApiKeys;
import io.halqe.domain.access.Principal;
import io.halqe.domain.access.Scope;
import io.halqe.local.runtime.testing.LocalDynamoDbPerClass;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

class AccessTest {

    @RegisterExtension
    static final LocalDynamoDbPerClass db = new LocalDynamoDbPerClass();
    private static final Instant T = Instant.parse("2026-12-01T09:00:00Z");

    @Test
    void bootstrapKey_shouldStopWorking_withinAMinuteOfBeingDisabled_whileAnAdminKeyGoesOn() {
        // GIVEN the deploy-time key, and an admin key made with it
        ManageApiKeys keys = new ManageApiKeys(new DynamoApiKeys(db.client(), db.tableName("DirectoryTable")));
        Access access = new Access(AdminKey.fromSha256Hex(AdminKey.sha256Hex("deploy-key")), keys,
                new io.halqe.aws.dynamo.DynamoTeamDirectory(db.client(), db.tableName("DirectoryTable")));
        assertThat(access.authenticate("Bearer deploy-key", T)).contains(Access.BOOTSTRAP);
        var created = (ManageApiKeys.Outcome.Created) keys.create("ops", List.of("admin"), null, Access.BOOTSTRAP, T);
        // WHEN the admin disables the deploy-time key
        keys.disableBootstrap(created.key().principal(), T);
        // THEN a minute later it is refused, and the admin key is an admin
        assertThat(access.authenticate("Bearer deploy-key", T.plusSeconds(61))).isEmpty();
        assertThat(access.authenticate("bearer " + created.secret(), T.plusSeconds(61))).hasValueSatisfying(principal -> {
            assertThat(principal.actor()).isEqualTo("key:" + created.key().id());
            assertThat(principal.may(Scope.PRIVACY_WRITE)).isTrue();
        });
        // AND anything but a bearer credential is nobody
        assertThat(access.authenticate(null, T)).isEmpty();
        assertThat(access.authenticate("Basic ZGVwbG95LWtleQ==", T)).isEmpty();
        assertThat(access.authenticate("Bearer hq_nothing", T)).isEmpty();
    }

    @Test
    void create_shouldRefuseAScopeItsMakerLacks() {
        // GIVEN a maker who may only read scores
        ManageApiKeys keys = new ManageApiKeys(new DynamoApiKeys(db.client(), db.tableName("DirectoryTable")));
        Principal viewer = new Principal("key:viewer", java.util.Set.of(Scope.METRICS_READ), java.util.Set.of());
        // WHEN it asks for a key that may also write cases THEN it is refused on scopes; the scope it has is fine
        assertThat(keys.create("more", List.of("metrics:read", "cases:write"), null, viewer, T))
                .isInstanceOfSatisfying(ManageApiKeys.Outcome.Invalid.class,
                        invalid -> assertThat(invalid.problem().field()).isEqualTo("scopes"));
        assertThat(keys.create("same", List.of("metrics:read"), null, viewer, T))
                .isInstanceOf(ManageApiKeys.Outcome.Created.class);
    }
}
