package io.milestones.milestone.counting;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
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

    @Test
    void shouldAddManyAtOnceAsIfOneByOne() {
        EventRate start = EventRate.NONE.add(T0.plusSeconds(3600 * 5), 3);
        List<Instant> times =
                List.of(
                        T0.plusSeconds(3600 * 6),
                        T0, // older than the window once the latest below has been seen
                        T0.plusSeconds(3600 * 40),
                        T0.plusSeconds(3600 * 20),
                        T0.plusSeconds(3600 * 40 + 60));
        EventRate oneByOne = start;
        for (Instant at : times) {
            oneByOne = oneByOne.add(at, 1);
        }

        EventRate atOnce = start.addEach(times);

        assertThat(atOnce).isEqualTo(oneByOne);
        assertThat(atOnce.hourly()).containsOnlyKeys(hour(20), hour(40));
        assertThat(start.addEach(List.of())).isSameAs(start);
    }

    private static long hour(int hoursAfterT0) {
        return T0.plusSeconds(3600L * hoursAfterT0).getEpochSecond() / 3600;
    }
}
