package io.milestones.milestone.counting;

import io.milestones.milestone.counting.HistoryBucket.Granularity;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.kafka.streams.state.ReadOnlyKeyValueStore;

/**
 * The count history as every instance sees it ({@code milestone-count-history}): the cumulative
 * count of a scope at the end of each day or hour, summed from the buckets in the global store.
 */
public final class CountHistory {

    private final ReadOnlyKeyValueStore<String, HistoryBucket> store;

    public CountHistory(ReadOnlyKeyValueStore<String, HistoryBucket> store) {
        this.store = store;
    }

    /**
     * One point per period from the one holding {@code from} to the one holding {@code to} (both
     * included, empty periods too): the count at the end of the period.
     *
     * @param scope the scope id
     * @param granularity day or hour (hours only where the hourly history reaches)
     */
    public List<Point> series(String scope, Granularity granularity, Instant from, Instant to) {
        Instant first = granularity.start(from);
        Instant last = granularity.start(to);
        long total = before(scope, granularity, first);
        Map<Instant, Long> added = new HashMap<>();
        try (var range =
                store.range(
                        HistoryBucket.key(scope, granularity, first),
                        HistoryBucket.key(scope, granularity, last))) {
            range.forEachRemaining(e -> added.put(e.value.start(), e.value.registrations()));
        }
        List<Point> points = new ArrayList<>();
        for (Instant at = first; !at.isAfter(last); at = granularity.next(at)) {
            total += added.getOrDefault(at, 0L);
            points.add(new Point(at, total));
        }
        return points;
    }

    /** The first day {@code scope} counted anything, if any. */
    public java.util.Optional<Instant> firstDay(String scope) {
        String prefix = HistoryBucket.prefix(scope, Granularity.DAY);
        try (var range = store.range(prefix, prefix + "~")) {
            return range.hasNext()
                    ? java.util.Optional.of(range.next().value.start())
                    : java.util.Optional.empty();
        }
    }

    /** Registrations of {@code scope} before {@code start}: whole days, then hours of its day. */
    private long before(String scope, Granularity granularity, Instant start) {
        Instant day = Granularity.DAY.start(start);
        long sum =
                sumBefore(
                        HistoryBucket.prefix(scope, Granularity.DAY),
                        HistoryBucket.key(scope, Granularity.DAY, day));
        if (granularity == Granularity.HOUR) {
            String hours = HistoryBucket.key(scope, Granularity.HOUR, start);
            try (var range = store.range(HistoryBucket.key(scope, Granularity.HOUR, day), hours)) {
                while (range.hasNext()) {
                    var entry = range.next();
                    if (!entry.key.equals(hours)) {
                        sum += entry.value.registrations();
                    }
                }
            }
        }
        return sum;
    }

    private long sumBefore(String prefix, String key) {
        long sum = 0;
        try (var range = store.range(prefix, key)) {
            while (range.hasNext()) {
                var entry = range.next();
                if (!entry.key.equals(key)) {
                    sum += entry.value.registrations();
                }
            }
        }
        return sum;
    }

    /**
     * The count at the end of a period.
     *
     * @param at the period's start (UTC)
     * @param count distinct registrations up to its end
     */
    public record Point(Instant at, long count) {}
}
