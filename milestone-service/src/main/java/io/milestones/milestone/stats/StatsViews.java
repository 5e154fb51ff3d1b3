package io.milestones.milestone.stats;

import io.milestones.events.Scope;
import io.milestones.milestone.rules.MilestoneRules;
import io.milestones.milestone.stats.StatsSnapshot.Reached;
import io.milestones.milestone.stats.StatsSnapshot.ScopeStats;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Set;
import org.springframework.stereotype.Component;

/**
 * What one page (and its JSON endpoint, and its live stream) shows of a snapshot: the whole
 * community, or one country.
 */
@Component
class StatsViews {

    private static final Set<String> COUNTRIES = Set.of(Locale.getISOCountries());

    private final MilestoneRules rules;
    private final StatsProperties properties;

    StatsViews(MilestoneRules rules, StatsProperties properties) {
        this.rules = rules;
        this.properties = properties;
    }

    /** A scope nobody registered in yet: zero, and its first threshold. */
    static ScopeStats zero(MilestoneRules rules, Scope scope) {
        OptionalLong first = rules.ruleFor(scope).next(0);
        return ScopeStats.zero(
                scope.type().id(), scope.key(), first.isPresent() ? first.getAsLong() : null);
    }

    /** The upper-case ISO 3166-1 code, if {@code code} names a country. */
    static Optional<String> countryCode(String code) {
        String upper = code == null ? "" : code.toUpperCase(Locale.ROOT);
        return COUNTRIES.contains(upper) ? Optional.of(upper) : Optional.empty();
    }

    PublicStats community(StatsSnapshots.Current current) {
        StatsSnapshot s = current.snapshot();
        return new PublicStats(
                properties.community(),
                s.live(),
                current.updatedAt(),
                s.global(),
                s.countries(),
                s.reached().stream().limit(properties.recentMilestones()).toList());
    }

    /** One country's view; a country without registrations yet shows zero. */
    CountryStats country(StatsSnapshots.Current current, String code) {
        StatsSnapshot s = current.snapshot();
        ScopeStats country = s.country(code).orElseGet(() -> zero(rules, Scope.country(code)));
        return new CountryStats(
                properties.community(),
                s.live(),
                current.updatedAt(),
                country,
                s.global().count(),
                s.reached().stream()
                        .filter(r -> "country".equals(r.scope()) && code.equals(r.key()))
                        .limit(properties.recentMilestones())
                        .toList());
    }

    /**
     * {@code GET /api/public/stats}, and each event of its live stream.
     *
     * @param community the community celebrated
     * @param live false while the counting engine restarts (the numbers are the last known)
     * @param updatedAt when these numbers last changed
     * @param global the global count and its next milestone
     * @param countries every counted country, largest first
     * @param recent the latest milestones reached, latest first
     */
    record PublicStats(
            String community,
            boolean live,
            Instant updatedAt,
            ScopeStats global,
            List<ScopeStats> countries,
            List<Reached> recent) {}

    /**
     * {@code GET /api/public/stats/countries/{code}}, and each event of its live stream.
     *
     * @param community the community celebrated
     * @param live false while the counting engine restarts
     * @param updatedAt when these numbers last changed
     * @param country the country's count and its next milestone
     * @param globalCount the global count
     * @param recent the country's latest milestones, latest first
     */
    record CountryStats(
            String community,
            boolean live,
            Instant updatedAt,
            ScopeStats country,
            long globalCount,
            List<Reached> recent) {}
}
