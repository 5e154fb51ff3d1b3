package io.milestones.notifier.social;

import java.time.Duration;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.List;
import org.springframework.http.HttpHeaders;

/**
 * How long a rate-limited (429) answer asks to wait: {@code Retry-After} (seconds or an HTTP date)
 * first, else the reset time of the network's rate-limit headers: Mastodon's {@code
 * X-RateLimit-Reset} (an ISO 8601 time), Bluesky's {@code ratelimit-reset} and X's {@code
 * x-rate-limit-reset} (epoch seconds).
 */
final class RateLimitReset {

    private static final List<String> RESET_HEADERS =
            List.of("X-RateLimit-Reset", "ratelimit-reset", "x-rate-limit-reset");

    private RateLimitReset() {}

    /** The wait, never negative, or {@code null} when the answer does not say. */
    static Duration waitOf(HttpHeaders headers, Instant now) {
        String retryAfter = headers.getFirst(HttpHeaders.RETRY_AFTER);
        if (retryAfter != null) {
            Duration wait = parseRetryAfter(retryAfter.strip(), now);
            if (wait != null) {
                return wait;
            }
        }
        for (String name : RESET_HEADERS) {
            String reset = headers.getFirst(name);
            if (reset != null) {
                Instant at = parseInstant(reset.strip());
                if (at != null) {
                    return nonNegative(Duration.between(now, at));
                }
            }
        }
        return null;
    }

    private static Duration parseRetryAfter(String value, Instant now) {
        if (value.chars().allMatch(Character::isDigit) && !value.isEmpty()) {
            return Duration.ofSeconds(Long.parseLong(value));
        }
        try {
            Instant at =
                    ZonedDateTime.parse(value, DateTimeFormatter.RFC_1123_DATE_TIME).toInstant();
            return nonNegative(Duration.between(now, at));
        } catch (DateTimeParseException e) {
            return null;
        }
    }

    /** Epoch seconds (Bluesky, X) or an ISO 8601 time (Mastodon). */
    private static Instant parseInstant(String value) {
        if (!value.isEmpty() && value.chars().allMatch(Character::isDigit)) {
            return Instant.ofEpochSecond(Long.parseLong(value));
        }
        try {
            return DateTimeFormatter.ISO_DATE_TIME.parse(value, Instant::from);
        } catch (DateTimeParseException e) {
            return null;
        }
    }

    private static Duration nonNegative(Duration duration) {
        return duration.isNegative() ? Duration.ZERO : duration;
    }
}
