package io.milestones.milestone.rules;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.milestones.milestone.MilestoneServiceApplication;
import org.junit.jupiter.api.Test;
import org.springframework.boot.WebApplicationType;

/** A bad rule stops the whole service before it touches Kafka, naming the setting. */
class InvalidRulesStartupTest {

    @Test
    void shouldFailStartUpNamingTheInvalidRule() {
        assertThatThrownBy(
                        () ->
                                MilestoneServiceApplication.builder()
                                        .web(WebApplicationType.NONE)
                                        .properties(
                                                "spring.kafka.bootstrap-servers=localhost:1",
                                                "milestones.rules.country.thresholds=",
                                                "milestones.rules.country.every=-5")
                                        .run())
                .satisfies(
                        e -> {
                            Throwable root = e;
                            while (root.getCause() != null) {
                                root = root.getCause();
                            }
                            assertThat(root)
                                    .isInstanceOf(InvalidRulesException.class)
                                    .hasMessageContaining(
                                            "milestones.rules.country.every must be positive,"
                                                    + " got -5");
                        });
    }
}
