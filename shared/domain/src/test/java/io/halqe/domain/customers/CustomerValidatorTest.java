package io.halqe.domain.customers;

import static org.assertj.core.api.Assertions.assertThat;

import io.halqe.domain.core.Problem;
import java.util.Map;
import org.junit.jupiter.api.Test;

class CustomerValidatorTest {

    private static CustomerProfile profile(String id, String email, String phone, String timeZone,
                                           Map<String, String> attributes) {
        return new CustomerProfile(id, "Sara", email, phone, null, null, null, null, null, "fa", timeZone, attributes,
                null);
    }

    @Test
    void problems_shouldListEveryProblemInFieldOrder_whenAProfileHasSeveral() {
        // GIVEN a profile with a bad email, phone, time zone and attribute name
        CustomerProfile bad = profile("c-1", "sara@", "0912", "Mars/Olympus", Map.of("shoe size", "40"));
        // WHEN it is checked
        var problems = CustomerValidator.problems(bad);
        // THEN each problem names its field, none hides another
        assertThat(problems).extracting(Problem::field)
                .containsExactly("email", "phone", "timeZone", "attributes.shoe size");
    }

    @Test
    void problems_shouldBeEmpty_whenTheProfileIsValid() {
        // GIVEN a valid profile WHEN it is checked THEN there is nothing to report
        assertThat(CustomerValidator.problems(profile("c-1", "sara@example.com", "+989121234567", "Asia/Tehran",
                Map.of("industry", "retail")))).isEmpty();
    }

    @Test
    void problems_shouldAcceptTheIdsAnInvitationDerives_whenTheyAreAnEmailOrAPhone() {
        // GIVEN ids as Customer.identified() derives them: a plus-address and an E.164 number
        var byEmail = profile("sara+news@example.com", "Sara+News@Example.com", null, null, Map.of());
        var byPhone = profile("+989121234567", null, "+989121234567", null, Map.of());
        // WHEN they are checked THEN both are ids
        assertThat(CustomerValidator.problems(byEmail)).isEmpty();
        assertThat(CustomerValidator.problems(byPhone)).isEmpty();
        // AND a missing id or one with spaces is still refused
        assertThat(CustomerValidator.problems(profile(null, null, null, null, Map.of())))
                .containsExactly(new Problem("id", "is required"));
        assertThat(CustomerValidator.problems(profile("two words", null, null, null, Map.of())))
                .extracting(Problem::field).containsExactly("id");
    }
}
