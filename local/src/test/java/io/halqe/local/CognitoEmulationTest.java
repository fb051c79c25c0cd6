package io.halqe.local;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.halqe.aws.access.CognitoUserDirectory;
import io.halqe.domain.access.Role;
import io.halqe.domain.core.InvalidCursorException;
import io.halqe.local.auth.LocalUser;
import io.halqe.local.auth.LocalUserPool;
import io.halqe.local.runtime.LocalResolver;
import io.halqe.local.runtime.SamTemplate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.cognitoidentityprovider.CognitoIdentityProviderClient;
import software.amazon.awssdk.services.cognitoidentityprovider.model.ResourceNotFoundException;

/**
 * The API's Cognito adapter, with the SDK's own client, against the local cloud's emulation of the template's user
 * pool: the calls the template grants, Cognito's error types mapped to the domain's outcomes, and the invitation.
 */
class CognitoEmulationTest {

    private static final LocalClock CLOCK = new LocalClock();
    private static final List<LocalUserPool.Invitation> INVITED = new ArrayList<>();
    private static AwsEmulator emulator;
    private static CognitoIdentityProviderClient cognito;
    private static LocalUserPool pool;
    private static CognitoUserDirectory users;

    @BeforeAll
    static void start() throws Exception {
        // GIVEN the template's pool, emulated, with arash (--user) in it, and the SDK's client pointed at it
        SamTemplate template = SamTemplate.load();
        pool = LocalUserPool.of(template, new LocalResolver(template, Map.of()),
                List.of(LocalUser.parse("arash:arash-pw:admin")), CLOCK, INVITED::add);
        emulator = new AwsEmulator(new Outbox(), null, CLOCK, Map.of(), Faults.NONE, new Usage(), pool);
        cognito = CognitoIdentityProviderClient.builder().endpointOverride(emulator.endpoint()).region(Region.US_EAST_1)
                .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create("local", "local")))
                .httpClient(UrlConnectionHttpClient.create()).build();
        users = new CognitoUserDirectory(cognito, pool.poolId());
    }

    @AfterAll
    static void stop() {
        cognito.close();
        emulator.close();
    }

    @Test
    void userDirectory_shouldMakeReadAssignListAndDelete_withCognitosErrorsAsOutcomes() {
        // WHEN sara is made, put in agent, then moved to manager
        assertThat(users.create("sara", "sara@example.com")).isTrue();
        assertThat(users.assign("sara", Role.AGENT)).isTrue();
        assertThat(users.assign("sara", Role.MANAGER)).isTrue();
        // THEN she was invited by email with a temporary password the policy takes, and holds manager alone
        assertThat(INVITED).singleElement().satisfies(invitation -> {
            assertThat(invitation.to()).isEqualTo("sara@example.com");
            assertThat(invitation.text()).startsWith("Your username is sara and temporary password is ");
            assertThat(invitation.temporaryPassword()).hasSizeGreaterThanOrEqualTo(12).matches(".*[A-Z].*")
                    .matches(".*[a-z].*").matches(".*[0-9].*");
        });
        assertThat(users.find("SARA")).hasValueSatisfying(account -> {
            assertThat(account.email()).isEqualTo("sara@example.com");
            assertThat(account.role()).isEqualTo(Role.MANAGER);
            assertThat(account.status()).isEqualTo("FORCE_CHANGE_PASSWORD");
            assertThat(account.enabled()).isTrue();
            assertThat(account.createdAt()).isNotNull();
        });
        // AND the name is taken (in any case); nobody (or a name the pool refuses) is found, assigned or deleted as an
        // outcome, not an error; a token not the pool's is a bad cursor
        assertThat(users.create("Sara", "other@example.com")).isFalse();
        assertThat(users.find("nobody")).isEmpty();
        assertThat(users.assign("nobody", Role.AGENT)).isFalse();
        assertThat(users.delete("nobody")).isFalse();
        assertThat(users.find("no body")).isEmpty();
        assertThatThrownBy(() -> users.list(10, "not a token")).isInstanceOf(InvalidCursorException.class);
        // AND a page of one holds arash (confirmed, admin), the next sara
        var first = users.list(1, null);
        assertThat(first.items()).singleElement().satisfies(account -> {
            assertThat(account.username()).isEqualTo("arash");
            assertThat(account.role()).isEqualTo(Role.ADMIN);
            assertThat(account.status()).isEqualTo("CONFIRMED");
        });
        assertThat(users.list(1, first.next()).items()).extracting(account -> account.username()).containsExactly("sara");
        // WHEN she is deleted THEN she is gone
        assertThat(users.delete("sara")).isTrue();
        assertThat(users.find("sara")).isEmpty();
        // AND another pool's id or a group the pool lacks is Cognito's ResourceNotFoundException
        assertThatThrownBy(() -> new CognitoUserDirectory(cognito, "us-east-1_other").create("x", "x@example.com"))
                .isInstanceOf(ResourceNotFoundException.class);
    }
}
