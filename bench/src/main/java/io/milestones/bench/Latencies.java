package io.milestones.bench;

import java.util.concurrent.TimeUnit;
import org.HdrHistogram.ConcurrentHistogram;
import org.HdrHistogram.Histogram;

/** Latency samples (recorded from many threads) and their percentiles in milliseconds. */
public final class Latencies {

    private final Histogram histogram = new ConcurrentHistogram(TimeUnit.MINUTES.toMicros(10), 3);

    /** Records one latency measured with {@link System#nanoTime()}. */
    public void record(long startNanos, long endNanos) {
        histogram.recordValue(Math.max(0, (endNanos - startNanos) / 1_000));
    }

    public long count() {
        return histogram.getTotalCount();
    }

    public double percentileMillis(double percentile) {
        return histogram.getValueAtPercentile(percentile) / 1_000.0;
    }

    public double p50() {
        return percentileMillis(50);
    }

    public double p95() {
        return percentileMillis(95);
    }

    public double p99() {
        return percentileMillis(99);
    }

    public double maxMillis() {
        return histogram.getMaxValue() / 1_000.0;
    }
}
