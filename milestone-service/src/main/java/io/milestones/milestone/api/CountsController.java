package io.milestones.milestone.api;

import java.time.Instant;
import java.util.Map;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** Read API over the live counts. */
@RestController
@RequestMapping("/api/counts")
class CountsController {

    private final CountsQuery counts;

    CountsController(CountsQuery counts) {
        this.counts = counts;
    }

    /**
     * The distinct count of every scope: {@code {"global": 1000000, "scopes": {"country": {"IT":
     * 50000}}}}.
     */
    @GetMapping
    CountsResponse counts() {
        return counts.all();
    }

    /**
     * @param global the global count
     * @param scopes counts per dimension, then per key
     * @param asOf when this answer was read
     */
    record CountsResponse(long global, Map<String, Map<String, Long>> scopes, Instant asOf) {}
}
