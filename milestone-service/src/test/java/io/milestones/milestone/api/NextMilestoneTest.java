package io.milestones.milestone.api;

import static org.assertj.core.api.Assertions.assertThat;

import io.milestones.events.Scope;
import io.milestones.milestone.counting.EventRate;
import io.milestones.milestone.counting.ScopeCount;
import io.milestones.milestone.rules.EveryN;
import io.milestones.milestone.rules.ExplicitThresholds;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class NextMilestoneTest {

    static final Instant NOW = Instant.parse("2021-12-03T12:00:00Z");

    @Test
    void shouldForecastTheNextThresholdFromTheEventTimeRate() {
        // 100 registrations per hour: from 11:00 to 12:00 event time
        var rate =
                new EventRate(
                        NOW.minusSeconds(3600), NOW, Map.of(NOW.getEpochSecond() / 3600 - 1, 100L));
        var count = new ScopeCount(950, 900, NOW, rate);

        NextMilestone next = NextMilestone.of(Scope.GLOBAL, count, new EveryN(100, 100), NOW);

        assertThat(next.threshold()).isEqualTo(1000);
        assertThat(next.milestoneId()).isEqualTo("global:1000");
        assertThat(next.missing()).isEqualTo(50);
        assertThat(next.ratePerHour()).isEqualTo(100.0);
        assertThat(next.ratePerDay()).isEqualTo(2400.0);
        assertThat(next.forecast()).isEqualTo(NOW.plusSeconds(1800));
    }

    @Test
    void shouldLeaveForecastEmptyWithoutRateOrThreshold() {
        var count = new ScopeCount(5, 0, NOW, EventRate.NONE);

        NextMilestone next = NextMilestone.of(Scope.country("IT"), count, new EveryN(10, 10), NOW);
        assertThat(next.missing()).isEqualTo(5);
        assertThat(next.forecast()).isNull();

        NextMilestone none =
                NextMilestone.of(Scope.GLOBAL, count, new ExplicitThresholds(List.of(1L, 5L)), NOW);
        assertThat(none.threshold()).isNull();
        assertThat(none.missing()).isNull();
    }
}
