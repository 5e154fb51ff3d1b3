package io.milestones.milestone.counting;

import io.milestones.milestone.counting.HistoryBucket.Granularity;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.streams.processor.PunctuationType;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.KeyValueStore;

/**
 * Keeps, beside the {@link ScopeCounter} and in the same exactly-once transaction, how many
 * registrations of each scope fell into each day and each hour of their event time, and publishes
 * changed buckets to {@code milestone-count-history} now and then. Baseline and late registrations
 * go to the period of their own time. Hour buckets older than the hourly retention are deleted
 * (tombstones on the topic); day buckets are kept for good (one per scope and day).
 */
final class HistoryRecorder implements Processor<String, ScopeIncrement, String, HistoryBucket> {

    static final String STORE = "count-history";
    private static final long HOUR = 3600;

    private final Clock clock;
    private final Duration publishInterval;
    private final Duration hourlyRetention;
    private final Set<String> changed = new HashSet<>();
    private boolean publishedAll;

    private ProcessorContext<String, HistoryBucket> context;
    private KeyValueStore<String, Long> buckets;

    HistoryRecorder(Clock clock, Duration publishInterval, Duration hourlyRetention) {
        this.clock = clock;
        this.publishInterval = publishInterval;
        this.hourlyRetention = hourlyRetention;
    }

    @Override
    public void init(ProcessorContext<String, HistoryBucket> context) {
        this.context = context;
        this.buckets = context.getStateStore(STORE);
        changed.clear();
        publishedAll = false;
        context.schedule(publishInterval, PunctuationType.WALL_CLOCK_TIME, now -> publish());
        context.schedule(
                Duration.ofHours(1), PunctuationType.WALL_CLOCK_TIME, now -> dropOldHours());
    }

    @Override
    public void process(Record<String, ScopeIncrement> record) {
        ScopeIncrement increment = record.value();
        if (increment.itemized()) {
            // a partial sum's registrations mostly share an hour: one store update per hour
            Map<Long, Long> perHour = new TreeMap<>();
            for (ScopeIncrement.Member member : increment.members()) {
                if (member.registeredAt() != null) {
                    perHour.merge(
                            Math.floorDiv(member.registeredAt().getEpochSecond(), HOUR),
                            1L,
                            Long::sum);
                }
            }
            perHour.forEach(
                    (hour, delta) -> add(record.key(), Instant.ofEpochSecond(hour * HOUR), delta));
        } else {
            // a partial sum begun before a crash: its registrations are dated by its last one
            add(record.key(), increment.registeredAt(), increment.delta());
        }
    }

    private void add(String scope, Instant at, long delta) {
        if (at == null) {
            return;
        }
        increment(HistoryBucket.key(scope, Granularity.DAY, at), delta);
        if (!at.isBefore(hourlyFrom())) {
            increment(HistoryBucket.key(scope, Granularity.HOUR, at), delta);
        }
    }

    private void increment(String key, long delta) {
        Long before = buckets.get(key);
        buckets.put(key, (before == null ? 0 : before) + delta);
        changed.add(key);
    }

    /** Hour buckets start here; older ones are dropped. */
    private Instant hourlyFrom() {
        return Granularity.HOUR.start(clock.instant().minus(hourlyRetention));
    }

    /**
     * Writes the changed buckets; at the first publication after a (re)start every bucket of the
     * task, since which changes were published before is unknown.
     */
    void publish() {
        if (!publishedAll) {
            try (var all = buckets.all()) {
                all.forEachRemaining(entry -> changed.add(entry.key));
            }
            publishedAll = true;
        }
        long now = clock.millis();
        for (String key : changed) {
            Long registrations = buckets.get(key);
            if (registrations != null) {
                context.forward(
                        new Record<>(key, bucket(key, registrations), now, new RecordHeaders()));
            }
        }
        changed.clear();
    }

    private void dropOldHours() {
        String cutoff = HistoryBucket.label(Granularity.HOUR, hourlyFrom());
        List<String> old = new ArrayList<>();
        try (var all = buckets.all()) {
            all.forEachRemaining(
                    entry -> {
                        String[] parts = entry.key.split("\\|");
                        if (parts[1].equals(Granularity.HOUR.id())
                                && parts[2].compareTo(cutoff) < 0) {
                            old.add(entry.key);
                        }
                    });
        }
        long now = clock.millis();
        for (String key : old) {
            buckets.delete(key);
            changed.remove(key);
            context.forward(new Record<>(key, null, now, new RecordHeaders()));
        }
    }

    static HistoryBucket bucket(String key, long registrations) {
        String[] parts = key.split("\\|");
        Granularity granularity = Granularity.valueOf(parts[1].toUpperCase(java.util.Locale.ROOT));
        String label = parts[2];
        Instant start =
                granularity == Granularity.DAY
                        ? Instant.parse(label + "T00:00:00Z")
                        : Instant.parse(label + ":00:00Z");
        return new HistoryBucket(parts[0], granularity, start, registrations);
    }
}
