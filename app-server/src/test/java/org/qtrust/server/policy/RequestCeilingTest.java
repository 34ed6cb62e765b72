package org.qtrust.server.policy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.qtrust.core.revocation.RevocationMode;
import org.qtrust.server.http.ApiProblem;

/** Issue 15 item 4: a request may lower an operator's setting, never raise it unless overrides are allowed. */
class RequestCeilingTest {

    private final RequestCeiling<RevocationMode> ceiling = RequestCeiling.revocation(false);

    @Test
    void without_a_request_value_the_server_setting_is_in_force() {
        assertThat(ceiling.apply(RevocationMode.PREFER, Optional.empty())).isEqualTo(RevocationMode.PREFER);
    }

    @Test
    void a_request_may_lower_the_mode_or_repeat_it() {
        assertThat(ceiling.apply(RevocationMode.REQUIRE, Optional.of(RevocationMode.PREFER))).isEqualTo(RevocationMode.PREFER);
        assertThat(ceiling.apply(RevocationMode.REQUIRE, Optional.of(RevocationMode.OFF))).isEqualTo(RevocationMode.OFF);
        assertThat(ceiling.apply(RevocationMode.PREFER, Optional.of(RevocationMode.PREFER))).isEqualTo(RevocationMode.PREFER);
    }

    @Test
    void a_request_that_raises_the_mode_is_refused_with_403_override_not_allowed() {
        assertThatThrownBy(() -> ceiling.apply(RevocationMode.OFF, Optional.of(RevocationMode.REQUIRE)))
                .isInstanceOfSatisfying(ApiProblem.class, problem -> {
                    assertThat(problem.status()).isEqualTo(403);
                    assertThat(problem.code()).isEqualTo("override_not_allowed");
                    assertThat(problem.getMessage()).contains("require", "(off)", "--allow-request-overrides");
                });
        assertThatThrownBy(() -> ceiling.apply(RevocationMode.PREFER, Optional.of(RevocationMode.REQUIRE)))
                .isInstanceOf(ApiProblem.class);
        assertThatThrownBy(() -> ceiling.apply(RevocationMode.OFF, Optional.of(RevocationMode.PREFER)))
                .isInstanceOf(ApiProblem.class);
    }

    @Test
    void with_overrides_allowed_a_request_may_raise_it() {
        RequestCeiling<RevocationMode> open = RequestCeiling.revocation(true);

        assertThat(open.apply(RevocationMode.OFF, Optional.of(RevocationMode.REQUIRE))).isEqualTo(RevocationMode.REQUIRE);
        assertThat(open.overridesAllowed()).isTrue();
    }

    @Test
    void any_ordered_setting_can_have_a_ceiling() {
        RequestCeiling<String> fetch = RequestCeiling.ordered("fetch", List.of("none", "cached", "network"), s -> s, false);

        assertThat(fetch.apply("cached", Optional.of("none"))).isEqualTo("none");
        assertThatThrownBy(() -> fetch.apply("cached", Optional.of("network"))).isInstanceOf(ApiProblem.class);
        assertThatThrownBy(() -> fetch.apply("cached", Optional.of("sometimes"))).isInstanceOf(IllegalArgumentException.class);
    }
}
