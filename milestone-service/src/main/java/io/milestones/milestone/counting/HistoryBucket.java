package io.milestones.milestone.counting;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;

/**
 * The value of {@code milestone-count-history}: how many distinct registrations of a scope fell (by
 * their event time, UTC) into one day or one hour. The cumulative count at the end of a period is
 * the sum of all buckets up to it, so a late or imported registration changes its own bucket and
 * every later total, and never a bucket it does not belong to.
 *
 * @param scope the scope id ({@code global}, {@code country:IT})
 * @param granularity day or hour
 * @param start the start of the period (UTC)
 * @param registrations distinct registrations counted in it
 */
public record HistoryBucket(
        String scope, Granularity granularity, Instant start, long registrations) {

    private static final DateTimeFormatter HOUR =
            DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH").withZone(ZoneOffset.UTC);

    /** The length of a bucket. */
    public enum Granularity {
        DAY(ChronoUnit.DAYS),
        HOUR(ChronoUnit.HOURS);

        private final ChronoUnit unit;

        Granularity(ChronoUnit unit) {
            this.unit = unit;
        }

        /** The start of the period {@code at} falls into. */
        public Instant start(Instant at) {
            return at.truncatedTo(unit);
        }

        /** The start of the next period. */
        public Instant next(Instant start) {
            return start.plus(1, unit);
        }

        /** {@code day}, {@code hour}: as in keys and query parameters. */
        public String id() {
            return name().toLowerCase(java.util.Locale.ROOT);
        }
    }

    /**
     * The topic and store key: {@code global|day|2021-12-03}, {@code
     * country:IT|hour|2021-12-03T14}. Its byte order is the time order within a scope and
     * granularity, so a range scan reads a period.
     */
    public static String key(String scope, Granularity granularity, Instant at) {
        return prefix(scope, granularity) + label(granularity, at);
    }

    /** Every key of {@code scope} and {@code granularity} starts with this. */
    public static String prefix(String scope, Granularity granularity) {
        return scope + "|" + granularity.id() + "|";
    }

    /** The period in a key: {@code 2021-12-03} or {@code 2021-12-03T14}. */
    public static String label(Granularity granularity, Instant at) {
        Instant start = granularity.start(at);
        return granularity == Granularity.DAY
                ? LocalDate.ofInstant(start, ZoneOffset.UTC).toString()
                : HOUR.format(start);
    }
}
