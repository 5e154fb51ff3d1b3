package io.milestones.milestone.counting;

import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * Live (non-baseline) registrations of one scope per hour of event time, for the last {@value
 * #HOURS} hours before the latest one: the rate a forecast extrapolates. Late registrations land in
 * their own hour while it is inside the window.
 *
 * @param firstAt event time of the earliest live registration counted
 * @param lastAt event time of the latest live registration counted
 * @param hourly count per hour since the epoch, within the window
 */
public record EventRate(Instant firstAt, Instant lastAt, Map<Long, Long> hourly) {

    static final int HOURS = 24;
    public static final EventRate NONE = new EventRate(null, null, Map.of());

    public EventRate {
        // add() hands over a TreeMap of its own; anything else (JSON, callers) is copied
        hourly =
                hourly == null
                        ? Map.of()
                        : hourly instanceof TreeMap ? hourly : new TreeMap<>(hourly);
    }

    /** This rate with {@code delta} registrations at event time {@code at}. */
    EventRate add(Instant at, long delta) {
        Instant first = firstAt == null || at.isBefore(firstAt) ? at : firstAt;
        Instant last = lastAt == null || at.isAfter(lastAt) ? at : lastAt;
        long oldest = hourOf(last) - (HOURS - 1);
        TreeMap<Long, Long> buckets = new TreeMap<>(hourly);
        if (hourOf(at) >= oldest) {
            buckets.merge(hourOf(at), delta, Long::sum);
        }
        buckets.headMap(oldest).clear();
        return new EventRate(first, last, buckets);
    }

    /**
     * This rate with one registration at each of {@code times}: the same as adding them one by one,
     * with one copy of the buckets instead of one per registration (a partial sum lists up to a
     * thousand).
     */
    EventRate addEach(Collection<Instant> times) {
        if (times.isEmpty()) {
            return this;
        }
        Instant first = firstAt;
        Instant last = lastAt;
        TreeMap<Long, Long> buckets = new TreeMap<>(hourly);
        for (Instant at : times) {
            first = first == null || at.isBefore(first) ? at : first;
            last = last == null || at.isAfter(last) ? at : last;
            buckets.merge(hourOf(at), 1L, Long::sum);
        }
        // the window only moves forward, so pruning once at the end drops what one-by-one would
        buckets.headMap(hourOf(last) - (HOURS - 1)).clear();
        return new EventRate(first, last, buckets);
    }

    /** Registrations per hour over the window, if at least a second of event time is covered. */
    public Optional<Double> perHour() {
        if (lastAt == null || hourly.isEmpty()) {
            return Optional.empty();
        }
        long oldestHour = ((TreeMap<Long, Long>) hourly).firstKey();
        Instant windowStart = Instant.ofEpochSecond(oldestHour * 3600);
        Instant start = firstAt.isAfter(windowStart) ? firstAt : windowStart;
        Duration span = Duration.between(start, lastAt);
        if (span.toMillis() < 1000) {
            return Optional.empty();
        }
        long sum = hourly.values().stream().mapToLong(Long::longValue).sum();
        return Optional.of(sum * 3_600_000.0 / span.toMillis());
    }

    private static long hourOf(Instant at) {
        return Math.floorDiv(at.getEpochSecond(), 3600);
    }
}
