package io.milestones.milestone.stats;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * Everything the public pages show, read from the global stores on a schedule. Page views, the JSON
 * endpoints and the live stream all read the current snapshot, never the stores. Holds nothing
 * personal: no names, e-mail addresses or teacher ids.
 *
 * @param live whether the counting engine answered the last read (false while it restarts; the
 *     numbers are then the last ones known)
 * @param global the global count and its next milestone
 * @param countries every counted country, largest count first
 * @param reached every milestone reached, latest first
 */
record StatsSnapshot(
        boolean live, ScopeStats global, List<ScopeStats> countries, List<Reached> reached) {

    static final StatsSnapshot EMPTY =
            new StatsSnapshot(false, ScopeStats.zero("global", null, null), List.of(), List.of());

    StatsSnapshot {
        countries = List.copyOf(countries);
        reached = List.copyOf(reached);
    }

    Optional<ScopeStats> country(String code) {
        return countries.stream().filter(c -> code.equals(c.key())).findFirst();
    }

    StatsSnapshot withLive(boolean live) {
        return new StatsSnapshot(live, global, countries, reached);
    }

    /**
     * One scope's count and its next milestone.
     *
     * @param scope {@code global}, {@code country} or {@code language}
     * @param key the country code (or language), absent for global
     * @param count distinct registrations
     * @param lastThreshold the latest threshold reached (progress starts there), absent before the
     *     first
     * @param nextThreshold the next threshold, absent when the rules have none left
     * @param missing registrations still needed for it
     * @param ratePerDay recent registrations per day of event time, absent without enough data
     * @param forecast when the next threshold falls at that rate (to the minute)
     */
    record ScopeStats(
            String scope,
            String key,
            long count,
            Long lastThreshold,
            Long nextThreshold,
            Long missing,
            Double ratePerDay,
            Instant forecast) {

        static ScopeStats zero(String scope, String key, Long firstThreshold) {
            return new ScopeStats(scope, key, 0, null, firstThreshold, firstThreshold, null, null);
        }
    }

    /**
     * A milestone reached, without who crossed it.
     *
     * @param milestoneId {@code global:1000000}, {@code country:IT:50000}
     * @param scope {@code global}, {@code country} or {@code language}
     * @param key the country code (or language), absent for global
     * @param threshold the number celebrated
     * @param reachedAt event time of the registration that crossed it
     */
    record Reached(
            String milestoneId, String scope, String key, long threshold, Instant reachedAt) {}
}
