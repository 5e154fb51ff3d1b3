package io.milestones.milestone.rules;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

class ExplicitThresholdsTest {

    final ExplicitThresholds rule = new ExplicitThresholds(List.of(10L, 5L, 100L, 5L));

    @Test
    void shouldDetectCrossingAsPreviousBelowAndCurrentAtOrAbove() {
        assertThat(rule.crossed(4, 5).toArray()).containsExactly(5);
        assertThat(rule.crossed(5, 6).toArray()).isEmpty();
        assertThat(rule.crossed(0, 4).toArray()).isEmpty();
    }

    @Test
    void shouldReportEveryThresholdAJumpPasses() {
        assertThat(rule.crossed(3, 150).toArray()).containsExactly(5, 10, 100);
    }

    @Test
    void shouldGiveTheNextThreshold() {
        assertThat(rule.next(5).getAsLong()).isEqualTo(10);
        assertThat(rule.next(100)).isEmpty();
    }

    @Test
    void shouldRejectNonPositiveAndEmptyLists() {
        assertThatThrownBy(() -> new ExplicitThresholds(List.of(0L, 5L)))
                .hasMessageContaining("must be positive");
        assertThatThrownBy(() -> new ExplicitThresholds(List.of())).hasMessageContaining("empty");
    }
}
