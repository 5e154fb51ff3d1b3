package io.milestones.milestone.stats;

import io.milestones.events.MilestoneReached;
import io.milestones.events.Scope;
import io.milestones.events.ScopeType;
import io.milestones.milestone.api.CountingStores;
import io.milestones.milestone.api.NextMilestone;
import io.milestones.milestone.counting.MilestoneHistory;
import io.milestones.milestone.counting.ScopeCount;
import io.milestones.milestone.rules.MilestoneRules;
import io.milestones.milestone.stats.StatsSnapshot.Reached;
import io.milestones.milestone.stats.StatsSnapshot.ScopeStats;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.springframework.stereotype.Component;

/**
 * Reads one {@link StatsSnapshot} from the global stores: a scan of a few hundred keys, done on a
 * schedule by {@link StatsRefresher}, never per request.
 */
@Component
class StatsReader {

    private final CountingStores stores;
    private final MilestoneRules rules;
    private final Clock clock;

    StatsReader(CountingStores stores, MilestoneRules rules, Clock clock) {
        this.stores = stores;
        this.rules = rules;
        this.clock = clock;
    }

    /** The current numbers; throws while the counting engine is not queryable. */
    StatsSnapshot read() {
        Instant now = clock.instant();
        ScopeStats global = zero(Scope.GLOBAL);
        List<ScopeStats> countries = new ArrayList<>();
        try (var all = stores.counts().all()) {
            while (all.hasNext()) {
                var entry = all.next();
                Scope scope = Scope.fromId(entry.key);
                if (scope.type() == ScopeType.GLOBAL) {
                    global = stats(scope, entry.value, now);
                } else if (scope.type() == ScopeType.COUNTRY) {
                    countries.add(stats(scope, entry.value, now));
                }
            }
        }
        countries.sort(
                Comparator.comparingLong(ScopeStats::count)
                        .reversed()
                        .thenComparing(ScopeStats::key));
        return new StatsSnapshot(true, global, countries, reached());
    }

    private ScopeStats zero(Scope scope) {
        return StatsViews.zero(rules, scope);
    }

    private ScopeStats stats(Scope scope, ScopeCount count, Instant now) {
        NextMilestone next = NextMilestone.of(scope, count, rules.ruleFor(scope), now);
        // To the minute: the forecast moves with the clock, the snapshot should only move with
        // the numbers (a changed snapshot is pushed to every subscriber).
        Instant forecast =
                next.forecast() == null ? null : next.forecast().truncatedTo(ChronoUnit.MINUTES);
        return new ScopeStats(
                scope.type().id(),
                scope.key(),
                count.count(),
                count.settledUpTo() > 0 ? count.settledUpTo() : null,
                next.threshold(),
                next.missing(),
                next.ratePerDay(),
                forecast);
    }

    private List<Reached> reached() {
        List<Reached> reached = new ArrayList<>();
        try (var all = stores.historyStore().all()) {
            all.forEachRemaining(
                    entry ->
                            MilestoneHistory.tryDecode(entry.value)
                                    .filter(MilestoneReached.class::isInstance)
                                    .map(MilestoneReached.class::cast)
                                    .ifPresent(m -> reached.add(anonymous(m))));
        }
        reached.sort(
                Comparator.comparing(Reached::reachedAt)
                        .thenComparing(Reached::threshold)
                        .reversed());
        return reached;
    }

    /** Deliberately drops {@code crossedBy}: the public page shows nobody's name or id. */
    private static Reached anonymous(MilestoneReached m) {
        return new Reached(
                m.milestoneId(),
                m.scope().type().id(),
                m.scope().key(),
                m.threshold(),
                m.reachedAt());
    }
}
