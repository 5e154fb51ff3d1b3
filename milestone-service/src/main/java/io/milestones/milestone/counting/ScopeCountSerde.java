package io.milestones.milestone.counting;

import java.util.Map;
import java.util.TreeMap;

/**
 * {@link ScopeCount} in the {@code scope-counts} store (version 1): count, settled mark, last event
 * time, then the {@link EventRate}: first and last event time and its hourly buckets (number of
 * buckets, then hour and count of each, in hour order).
 */
final class ScopeCountSerde extends InternalValueSerde<ScopeCount> {

    /**
     * @param format the format written (both are read)
     */
    ScopeCountSerde(CountingOptions.ValueFormat format) {
        super(ScopeCount.class, format);
    }

    @Override
    void write(ScopeCount value, BinaryOut out) {
        out.writeLong(value.count());
        out.writeLong(value.settledUpTo());
        out.writeInstant(value.lastEventAt());
        EventRate rate = value.rate();
        out.writeInstant(rate.firstAt());
        out.writeInstant(rate.lastAt());
        Map<Long, Long> hourly = rate.hourly();
        out.writeLength(hourly.size());
        for (Map.Entry<Long, Long> bucket : hourly.entrySet()) {
            out.writeLong(bucket.getKey());
            out.writeLong(bucket.getValue());
        }
    }

    @Override
    ScopeCount read(BinaryIn in) {
        long count = in.readLong();
        long settledUpTo = in.readLong();
        var lastEventAt = in.readInstant();
        var firstAt = in.readInstant();
        var lastAt = in.readInstant();
        int buckets = in.readLength();
        TreeMap<Long, Long> hourly = new TreeMap<>();
        for (int i = 0; i < buckets; i++) {
            hourly.put(in.readLong(), in.readLong());
        }
        return new ScopeCount(
                count, settledUpTo, lastEventAt, new EventRate(firstAt, lastAt, hourly));
    }

    @Override
    int sizeHint(ScopeCount value) {
        return 64 + 8 * value.rate().hourly().size();
    }
}
