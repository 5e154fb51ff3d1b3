package io.milestones.milestone.api;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.MultiGauge;
import io.micrometer.core.instrument.Tags;
import io.milestones.events.MilestoneEvent;
import io.milestones.events.MilestoneReached;
import io.milestones.events.Scope;
import io.milestones.milestone.counting.MilestoneHistory;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.annotation.EnableScheduling;
import org.springframework.scheduling.annotation.Scheduled;

/**
 * Domain gauges read from the global stores, so every instance reports the same, whole picture:
 * {@code milestones.count{dimension,key}} (distinct registrations per scope) and {@code
 * milestones.announced{type,dimension}} (milestones in the history). Refreshed every 15 s.
 */
@Configuration(proxyBeanMethods = false)
@EnableScheduling
class CountingMetrics {

    private final CountingStores stores;
    private final MultiGauge counts;
    private final MultiGauge announced;

    CountingMetrics(CountingStores stores, MeterRegistry meters) {
        this.stores = stores;
        this.counts =
                MultiGauge.builder("milestones.count")
                        .description("Distinct registrations counted per scope")
                        .register(meters);
        this.announced =
                MultiGauge.builder("milestones.announced")
                        .description("Milestones in the history, by type and dimension")
                        .register(meters);
    }

    @Scheduled(fixedDelayString = "${milestones.metrics.refresh:15s}", initialDelay = 5_000)
    void refresh() {
        try {
            counts.register(countRows(), true);
            announced.register(announcedRows(), true);
        } catch (CountsUnavailableException starting) {
            // stores not loaded yet: keep the last values
        }
    }

    private List<MultiGauge.Row<?>> countRows() {
        List<MultiGauge.Row<?>> rows = new ArrayList<>();
        try (var all = stores.counts().all()) {
            all.forEachRemaining(
                    entry -> {
                        Scope scope = Scope.fromId(entry.key);
                        rows.add(
                                MultiGauge.Row.of(
                                        Tags.of(
                                                "dimension",
                                                scope.type().id(),
                                                "key",
                                                scope.key() == null ? "all" : scope.key()),
                                        entry.value.count()));
                    });
        }
        return rows;
    }

    private List<MultiGauge.Row<?>> announcedRows() {
        Map<String, Long> byTypeAndDimension = new TreeMap<>();
        try (var all = stores.historyStore().all()) {
            all.forEachRemaining(
                    entry ->
                            MilestoneHistory.tryDecode(entry.value)
                                    .ifPresent(
                                            event ->
                                                    byTypeAndDimension.merge(
                                                            type(event)
                                                                    + "|"
                                                                    + event.scope().type().id(),
                                                            1L,
                                                            Long::sum)));
        }
        List<MultiGauge.Row<?>> rows = new ArrayList<>();
        byTypeAndDimension.forEach(
                (key, value) -> {
                    String[] parts = key.split("\\|");
                    rows.add(
                            MultiGauge.Row.of(
                                    Tags.of("type", parts[0], "dimension", parts[1]), value));
                });
        return rows;
    }

    private static String type(MilestoneEvent event) {
        return event instanceof MilestoneReached ? "reached" : "approaching";
    }
}
