package io.milestones.notifier.email;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

class SendRateTest {

    final AtomicLong now = new AtomicLong();
    final AtomicLong slept = new AtomicLong();
    final SendRate.Sleeper sleeper =
            nanos -> {
                slept.addAndGet(nanos);
                now.addAndGet(nanos);
            };

    @Test
    void shouldLetABurstOfOneSecondThroughThenPace() {
        var rate = new SendRate(10, now::get, sleeper);
        for (int i = 0; i < 10; i++) {
            rate.acquire();
        }
        assertThat(slept.get()).isZero();
        for (int i = 0; i < 20; i++) {
            rate.acquire();
        }
        assertThat(TimeUnit.NANOSECONDS.toMillis(slept.get())).isBetween(1_900L, 2_100L);
    }

    @Test
    void shouldNeverWaitWhenUnlimited() {
        var rate = new SendRate(0, now::get, sleeper);
        for (int i = 0; i < 1_000; i++) {
            rate.acquire();
        }
        assertThat(slept.get()).isZero();
    }
}
