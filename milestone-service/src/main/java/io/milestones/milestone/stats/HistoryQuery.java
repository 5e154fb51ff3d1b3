package io.milestones.milestone.stats;

import io.milestones.events.Scope;
import io.milestones.milestone.counting.HistoryBucket.Granularity;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.springframework.http.HttpStatus;
import org.springframework.web.ErrorResponseException;

/**
 * The parameters of {@code GET /api/public/stats/history}, checked: 400 naming the field for
 * anything malformed or out of range.
 *
 * @param scope the scope id
 * @param granularity day or hour
 * @param from first period (its start)
 * @param to last period (its start)
 */
record HistoryQuery(String scope, Granularity granularity, Instant from, Instant to) {

    /** Points in one answer at most: 30 years of days, or 40 days of hours. */
    static final int MAX_POINTS = 11_000;

    static HistoryQuery parse(
            String scope,
            String granularity,
            String from,
            String to,
            Clock clock,
            Duration hourlyHistory) {
        String scopeId = scope(scope);
        Granularity g = granularity(granularity);
        Instant now = clock.instant();
        Instant end = to == null ? now : instant(to, "to", false);
        Instant start =
                from == null
                        ? end.minus(
                                g == Granularity.DAY ? Duration.ofDays(365) : Duration.ofDays(2))
                        : instant(from, "from", true);
        start = g.start(start);
        end = g.start(end);
        if (start.isAfter(end)) {
            throw invalid("from", "must not be after 'to'");
        }
        long points = Duration.between(start, end).toHours() / (g == Granularity.DAY ? 24 : 1) + 1;
        if (points > MAX_POINTS) {
            throw invalid("to", "at most " + MAX_POINTS + " " + g.id() + "s per request");
        }
        if (g == Granularity.HOUR && start.isBefore(g.start(now.minus(hourlyHistory)))) {
            throw invalid(
                    "from",
                    "hours are kept for the last "
                            + hourlyHistory.toDays()
                            + " days only; use granularity=day");
        }
        return new HistoryQuery(scopeId, g, start, end);
    }

    private static String scope(String scope) {
        if (scope == null || scope.isBlank()) {
            return Scope.GLOBAL.id();
        }
        try {
            Scope parsed = Scope.fromId(scope.trim());
            if (parsed.type() == io.milestones.events.ScopeType.COUNTRY) {
                parsed = Scope.country(parsed.key().toUpperCase(Locale.ROOT));
            }
            return parsed.id();
        } catch (IllegalArgumentException e) {
            throw invalid("scope", e.getMessage());
        }
    }

    private static Granularity granularity(String granularity) {
        if (granularity == null || granularity.isBlank()) {
            return Granularity.DAY;
        }
        for (Granularity g : Granularity.values()) {
            if (g.id().equalsIgnoreCase(granularity.trim())) {
                return g;
            }
        }
        throw invalid("granularity", "must be 'day' or 'hour', got '" + granularity + "'");
    }

    /** {@code 2021-12-03} (a day, UTC) or an instant {@code 2021-12-03T14:00:00Z}. */
    private static Instant instant(String value, String field, boolean start) {
        try {
            if (value.length() == 10) {
                LocalDate day = LocalDate.parse(value);
                return day.atStartOfDay(ZoneOffset.UTC).toInstant();
            }
            return Instant.parse(value);
        } catch (DateTimeParseException e) {
            throw invalid(
                    field,
                    "'"
                            + value
                            + "' is neither a date (2021-12-03) nor an instant (2021-12-03T14:00:00Z)");
        }
    }

    static ErrorResponseException invalid(String field, String message) {
        var problem = new ErrorResponseException(HttpStatus.BAD_REQUEST);
        problem.getBody().setType(URI.create("urn:milestones:problem:invalid-request"));
        problem.getBody().setTitle("Invalid request");
        problem.getBody().setDetail(field + ": " + message);
        problem.getBody()
                .setProperty("errors", List.of(Map.of("field", field, "message", message)));
        return problem;
    }
}
