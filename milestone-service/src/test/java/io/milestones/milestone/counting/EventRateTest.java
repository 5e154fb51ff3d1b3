package io.milestones.milestone.counting;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import org.junit.jupiter.api.Test;

class EventRateTest {

    static final Instant T0 = Instant.parse("2021-12-01T00:00:00Z");

    @Test
    void shouldHaveNoRateBeforeASecondOfEventTimeIsCovered() {
        assertThat(EventRate.NONE.perHour()).isEmpty();
        assertThat(EventRate.NONE.add(T0, 1).add(T0, 1).perHour()).isEmpty();
    }

    @Test
    void shouldMeasureRegistrationsPerHourOfEventTime() {
        EventRate rate = EventRate.NONE;
        for (int minute = 0; minute <= 120; minute++) {
            rate = rate.add(T0.plusSeconds(60L * minute), 1); // one a minute for two hours
        }

        assertThat(rate.perHour()).hasValueSatisfying(r -> assertThat(r).isBetween(60.0, 61.0));
    }

    @Test
    void shouldCountLateRegistrationsInTheirOwnHourAndForgetTheOldest() {
        EventRate rate = EventRate.NONE.add(T0.plusSeconds(3600 * 30), 1);
        rate = rate.add(T0.plusSeconds(3600 * 29), 1); // late, inside the window
        rate = rate.add(T0, 1); // older than a day before the latest: not in the window

        assertThat(rate.hourly().values()).containsExactly(1L, 1L);
        assertThat(rate.firstAt()).isEqualTo(T0);
        assertThat(rate.lastAt()).isEqualTo(T0.plusSeconds(3600 * 30));

        rate = rate.add(T0.plusSeconds(3600 * 60), 1); // a day and more later: the old hours go
        assertThat(rate.hourly()).hasSize(1);
    }
}
