package io.milestones.notifier.social;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpHeaders;

class RateLimitResetTest {

    private static final Instant NOW = Instant.parse("2021-12-03T10:15:30Z");

    private static Duration waitOf(String name, String value) {
        var headers = new HttpHeaders();
        headers.add(name, value);
        return RateLimitReset.waitOf(headers, NOW);
    }

    @Test
    void shouldReadRetryAfterInSecondsOrAsAnHttpDate() {
        assertThat(waitOf("Retry-After", "120")).isEqualTo(Duration.ofSeconds(120));
        assertThat(waitOf("Retry-After", "Fri, 03 Dec 2021 10:16:00 GMT"))
                .isEqualTo(Duration.ofSeconds(30));
    }

    @Test
    void shouldReadMastodonsIsoResetTime() {
        assertThat(waitOf("X-RateLimit-Reset", "2021-12-03T10:20:00.019685Z"))
                .isEqualTo(Duration.ofMinutes(4).plusSeconds(30).plusNanos(19_685_000));
    }

    @Test
    void shouldReadBlueskysAndXsEpochSecondResetTimes() {
        long epoch = NOW.getEpochSecond();
        assertThat(waitOf("ratelimit-reset", Long.toString(epoch + 45)))
                .isEqualTo(Duration.ofSeconds(45));
        assertThat(waitOf("x-rate-limit-reset", Long.toString(epoch + 900)))
                .isEqualTo(Duration.ofMinutes(15));
    }

    @Test
    void shouldNeverWaitANegativeTimeForAResetInThePast() {
        assertThat(waitOf("x-rate-limit-reset", Long.toString(NOW.getEpochSecond() - 5)))
                .isEqualTo(Duration.ZERO);
    }

    @Test
    void shouldSayNothingWithoutRateLimitHeaders() {
        assertThat(RateLimitReset.waitOf(new HttpHeaders(), NOW)).isNull();
        assertThat(waitOf("Retry-After", "soon")).isNull();
    }
}
