package io.milestones.milestone.stats;

import io.milestones.milestone.api.CountingStores;
import io.milestones.milestone.counting.CountHistory.Point;
import io.milestones.milestone.counting.HistoryBucket;
import io.milestones.milestone.counting.HistoryBucket.Granularity;
import io.milestones.milestone.stats.StatsSnapshot.Reached;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.http.CacheControl;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * The count of a scope over time (without {@code from}: days since the day before its first
 * registration) ({@code ?scope=global&from=2021-01-01&to=2021-12-31&granularity= day}), as JSON
 * with the milestones reached in the period, or as CSV. Read from the global store of {@code
 * milestone-count-history}, which every instance holds (no recount from the raw log).
 */
@RestController
@RequestMapping("/api/public/stats")
class HistoryController {

    static final MediaType CSV =
            new MediaType("text", "csv", java.nio.charset.StandardCharsets.UTF_8);

    private final CountingStores stores;
    private final StatsSnapshots snapshots;
    private final StatsProperties properties;
    private final Clock clock;
    private final Duration hourlyHistory;

    HistoryController(
            CountingStores stores,
            StatsSnapshots snapshots,
            StatsProperties properties,
            Clock clock,
            @Value("${milestones.counting.hourly-history:7d}") Duration hourlyHistory) {
        this.stores = stores;
        this.snapshots = snapshots;
        this.properties = properties;
        this.clock = clock;
        this.hourlyHistory = hourlyHistory;
    }

    @GetMapping(path = "/history", produces = MediaType.APPLICATION_JSON_VALUE)
    ResponseEntity<History> history(
            @RequestParam(required = false) String scope,
            @RequestParam(required = false) String from,
            @RequestParam(required = false) String to,
            @RequestParam(required = false) String granularity) {
        HistoryQuery query = query(scope, from, to, granularity);
        List<Point> points = points(query);
        List<Reached> milestones =
                snapshots.current().snapshot().reached().stream()
                        .filter(r -> r.milestoneId().equals(query.scope() + ":" + r.threshold()))
                        .filter(r -> !r.reachedAt().isBefore(query.from()))
                        .filter(r -> r.reachedAt().isBefore(query.granularity().next(query.to())))
                        .sorted(java.util.Comparator.comparing(Reached::reachedAt))
                        .toList();
        return ResponseEntity.ok()
                .cacheControl(CacheControl.maxAge(properties.cacheMaxAge()).cachePublic())
                .body(
                        new History(
                                query.scope(),
                                query.granularity().id(),
                                query.from(),
                                query.to(),
                                points,
                                milestones));
    }

    /** The same as a spreadsheet: {@code period,count} per line. */
    @GetMapping(path = "/history.csv")
    ResponseEntity<String> csv(
            @RequestParam(required = false) String scope,
            @RequestParam(required = false) String from,
            @RequestParam(required = false) String to,
            @RequestParam(required = false) String granularity) {
        HistoryQuery query = query(scope, from, to, granularity);
        StringBuilder csv = new StringBuilder("period,count\r\n");
        for (Point point : points(query)) {
            csv.append(HistoryBucket.label(query.granularity(), point.at()))
                    .append(query.granularity() == Granularity.HOUR ? ":00Z" : "")
                    .append(',')
                    .append(point.count())
                    .append("\r\n");
        }
        String file =
                "history-"
                        + query.scope().replace(':', '-')
                        + "-"
                        + query.granularity().id()
                        + ".csv";
        return ResponseEntity.ok()
                .cacheControl(CacheControl.maxAge(properties.cacheMaxAge()).cachePublic())
                .contentType(CSV)
                .header(
                        HttpHeaders.CONTENT_DISPOSITION,
                        ContentDisposition.attachment().filename(file).build().toString())
                .body(csv.toString());
    }

    /** Without {@code from}, days start at the scope's first day (the whole story). */
    private HistoryQuery query(String scope, String from, String to, String granularity) {
        HistoryQuery query = HistoryQuery.parse(scope, granularity, from, to, clock, hourlyHistory);
        if (from != null || query.granularity() != Granularity.DAY) {
            return query;
        }
        return stores.countHistory()
                .firstDay(query.scope())
                // from the day before the first: the curve starts at zero
                .map(
                        first ->
                                HistoryQuery.parse(
                                        scope,
                                        granularity,
                                        first.minus(Duration.ofDays(1)).toString(),
                                        to,
                                        clock,
                                        hourlyHistory))
                .orElse(query);
    }

    private List<Point> points(HistoryQuery query) {
        return stores.countHistory()
                .series(query.scope(), query.granularity(), query.from(), query.to());
    }

    /**
     * The answer of {@code GET /api/public/stats/history}.
     *
     * @param scope the scope id
     * @param granularity {@code day} or {@code hour}
     * @param from the first period's start
     * @param to the last period's start
     * @param points the count at the end of each period, every period included
     * @param milestones the scope's milestones reached in the period, oldest first
     */
    record History(
            String scope,
            String granularity,
            Instant from,
            Instant to,
            List<Point> points,
            List<Reached> milestones) {}
}
