package io.milestones.milestone.api;

import io.milestones.events.Scope;
import io.milestones.milestone.counting.ScopeCount;
import io.milestones.milestone.rules.ThresholdRule;
import java.time.Duration;
import java.time.Instant;
import java.util.OptionalLong;

/**
 * The next milestone of one scope.
 *
 * @param scope the scope
 * @param count its count now
 * @param threshold the next threshold, {@code null} when the rules have none left
 * @param milestoneId its id
 * @param missing registrations still needed
 * @param ratePerHour live registrations per hour over the last day of event time, {@code null}
 *     until a second of event time is covered
 * @param ratePerDay the same per day
 * @param forecast now plus {@code missing / rate}; {@code null} without a rate
 */
public record NextMilestone(
        Scope scope,
        long count,
        Long threshold,
        String milestoneId,
        Long missing,
        Double ratePerHour,
        Double ratePerDay,
        Instant forecast) {

    public static NextMilestone of(Scope scope, ScopeCount count, ThresholdRule rule, Instant now) {
        OptionalLong next = rule.next(count.count());
        Double perHour = count.rate().perHour().orElse(null);
        if (next.isEmpty()) {
            return new NextMilestone(
                    scope, count.count(), null, null, null, perHour, perDay(perHour), null);
        }
        long threshold = next.getAsLong();
        long missing = threshold - count.count();
        Instant forecast =
                perHour == null || perHour <= 0
                        ? null
                        : now.plus(Duration.ofMillis((long) (missing / perHour * 3_600_000)));
        return new NextMilestone(
                scope,
                count.count(),
                threshold,
                scope.milestoneId(threshold),
                missing,
                perHour,
                perDay(perHour),
                forecast);
    }

    private static Double perDay(Double perHour) {
        return perHour == null ? null : perHour * 24;
    }
}
