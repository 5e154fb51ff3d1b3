package io.milestones.notifier.subscription;

import java.time.Clock;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Fixed-window counters per key, in memory (per instance). Small on purpose: it stops a script from
 * mail-bombing an address through the opt-in mail, not a distributed attack, which belongs in front
 * of the service.
 */
final class RequestRateLimiter {

    private static final int MAX_KEYS = 100_000;

    private final Clock clock;
    private final long windowSeconds;
    private final Map<String, Window> windows = new ConcurrentHashMap<>();

    RequestRateLimiter(Clock clock, java.time.Duration window) {
        this.clock = clock;
        this.windowSeconds = Math.max(1, window.toSeconds());
    }

    /** Counts one request for {@code key}; false when it is over {@code limit} in this window. */
    boolean tryAcquire(String key, int limit) {
        long current = clock.instant().getEpochSecond() / windowSeconds;
        if (windows.size() > MAX_KEYS) {
            windows.values().removeIf(w -> w.index < current);
        }
        Window window =
                windows.compute(
                        key,
                        (k, w) ->
                                w == null || w.index != current
                                        ? new Window(current, 1)
                                        : w.next());
        return window.count <= limit;
    }

    /** Seconds until the current window ends, for {@code Retry-After}. */
    long secondsToNextWindow() {
        Instant now = clock.instant();
        return windowSeconds - (now.getEpochSecond() % windowSeconds);
    }

    private record Window(long index, int count) {
        Window next() {
            return new Window(index, count + 1);
        }
    }
}
