package io.milestones.milestone.api;

import io.milestones.events.Scope;
import io.milestones.events.ScopeType;
import java.time.Clock;
import java.time.Instant;
import java.util.Map;
import java.util.TreeMap;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** Read API over the counts, as published on {@code milestone-counts} (any instance answers). */
@RestController
@RequestMapping("/api/counts")
class CountsController {

    private final CountingStores stores;
    private final Clock clock;

    CountsController(CountingStores stores, Clock clock) {
        this.stores = stores;
        this.clock = clock;
    }

    /**
     * The distinct count of every scope: {@code {"global": 1000000, "scopes": {"country": {"IT":
     * 50000}}}}.
     */
    @GetMapping
    CountsResponse counts() {
        long global = 0;
        Map<String, Map<String, Long>> scopes = new TreeMap<>();
        try (var all = stores.counts().all()) {
            while (all.hasNext()) {
                var entry = all.next();
                Scope scope = Scope.fromId(entry.key);
                if (scope.type() == ScopeType.GLOBAL) {
                    global = entry.value.count();
                } else {
                    scopes.computeIfAbsent(scope.type().id(), k -> new TreeMap<>())
                            .put(scope.key(), entry.value.count());
                }
            }
        }
        return new CountsResponse(global, scopes, clock.instant());
    }

    /**
     * @param global the global count
     * @param scopes counts per dimension, then per key
     * @param asOf when this answer was read
     */
    record CountsResponse(long global, Map<String, Map<String, Long>> scopes, Instant asOf) {}
}
