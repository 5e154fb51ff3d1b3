package io.milestones.milestone.rules;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

class RuleKindsTest {

    @Test
    void shouldFireEveryNFromN() {
        var rule = new EveryN(1000, 1000);

        assertThat(rule.crossed(0, 999).toArray()).isEmpty();
        assertThat(rule.crossed(999, 1000).toArray()).containsExactly(1000);
        assertThat(rule.crossed(1000, 1999).toArray()).isEmpty();
        assertThat(rule.crossed(500, 3500).toArray()).containsExactly(1000, 2000, 3000);
        assertThat(rule.next(1000).getAsLong()).isEqualTo(2000);
        assertThat(rule.next(0).getAsLong()).isEqualTo(1000);
    }

    @Test
    void shouldStartEveryNAtFrom() {
        var rule = new EveryN(1000, 500);

        assertThat(rule.crossed(0, 2600).toArray()).containsExactly(500, 1500, 2500);
        assertThat(rule.next(499).getAsLong()).isEqualTo(500);
        assertThat(rule.next(500).getAsLong()).isEqualTo(1500);
    }

    @Test
    void shouldGiveRoundNumbersOfTheSeriesWithinMinAndMax() {
        var rule = new RoundNumbers("1-2-5", 10, 1000);

        assertThat(rule.crossed(0, Long.MAX_VALUE).toArray())
                .containsExactly(10, 20, 50, 100, 200, 500, 1000);
        assertThat(rule.crossed(20, 200).toArray()).containsExactly(50, 100, 200);
        assertThat(rule.next(1000)).isEmpty();
    }

    @Test
    void shouldKeepOnlyWholeNumbersOfADecimalSeries() {
        var rule = new RoundNumbers("1-2.5-5", 1, 100);

        assertThat(rule.crossed(0, 100).toArray()).containsExactly(1, 5, 10, 25, 50, 100);
    }

    @Test
    void shouldRejectMalformedSeries() {
        assertThatThrownBy(() -> new RoundNumbers("1-x-5", 1, 10))
                .hasMessageContaining("series must be mantissas separated by '-'");
        assertThatThrownBy(() -> new RoundNumbers("5-2", 1, 10))
                .hasMessageContaining("must ascend");
        assertThatThrownBy(() -> new RoundNumbers("1-20", 1, 10))
                .hasMessageContaining("must lie in [1, 10)");
        assertThatThrownBy(() -> new RoundNumbers("1-2-5", 100, 10))
                .hasMessageContaining("max must be at least min (100), got 10");
    }

    @Test
    void shouldUniteRulesOnOneDimensionWithEachThresholdOnce() {
        var rule =
                AnyOf.of(
                        List.of(
                                new ExplicitThresholds(List.of(7L, 10L)),
                                new EveryN(5, 5),
                                new RoundNumbers("1-2-5", 1, 100)));

        assertThat(rule.crossed(0, 20).toArray()).containsExactly(1, 2, 5, 7, 10, 15, 20);
        assertThat(rule.next(7).getAsLong()).isEqualTo(10);
    }

    @Test
    void shouldPlaceApproachPointsExactly() {
        assertThat(Approach.point(1_000_000, 0.99)).isEqualTo(990_000);
        assertThat(Approach.point(1_000_000, 0.999)).isEqualTo(999_000);
        assertThat(Approach.point(100, 0.07)).isEqualTo(7); // 0.07 * 100 is 7.000000000000001
        assertThat(Approach.point(1000, 0.9995)).isEqualTo(1000); // ceil(999.5)
    }

    @Test
    void shouldFindThresholdsWhoseApproachPointWasPassedButNotTheThreshold() {
        var rule = new EveryN(100, 100);

        assertThat(Approach.crossed(rule, 0.9, 80, 95).toArray()).containsExactly(100);
        assertThat(Approach.crossed(rule, 0.9, 90, 95).toArray()).isEmpty();
        // a jump over approach point and threshold announces the milestone, not its approach
        assertThat(Approach.crossed(rule, 0.9, 80, 100).toArray()).isEmpty();
        assertThat(Approach.crossed(rule, 0.9, 80, 195).toArray()).containsExactly(200);
    }
}
