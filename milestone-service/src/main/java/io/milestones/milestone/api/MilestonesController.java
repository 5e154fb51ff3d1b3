package io.milestones.milestone.api;

import io.milestones.events.MilestoneReached;
import io.milestones.events.Scope;
import io.milestones.milestone.counting.MilestoneHistory;
import io.milestones.milestone.rules.MilestoneRules;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** Read API over the milestones: what was reached, and what comes next when. */
@RestController
@RequestMapping("/api/milestones")
class MilestonesController {

    private final CountingStores stores;
    private final MilestoneRules rules;
    private final Clock clock;

    MilestonesController(CountingStores stores, MilestoneRules rules, Clock clock) {
        this.stores = stores;
        this.rules = rules;
        this.clock = clock;
    }

    /**
     * Milestones reached, latest first ({@code reachedAt}, then the larger threshold).
     *
     * @param scope only this scope, e.g. {@code global} or {@code country:IT}
     */
    @GetMapping
    MilestonePage history(
            @RequestParam(defaultValue = "0") @Min(0) int page,
            @RequestParam(defaultValue = "20") @Min(1) @Max(500) int size,
            @RequestParam(required = false) String scope) {
        String only = ScopeParameter.idOrNull(scope);
        String prefix = only == null ? null : only + ":";
        List<MilestoneReached> reached = new ArrayList<>();
        try (var all = stores.historyStore().all()) {
            all.forEachRemaining(
                    entry -> {
                        if (prefix == null || entry.key.startsWith(prefix)) {
                            MilestoneHistory.tryDecode(entry.value)
                                    .filter(MilestoneReached.class::isInstance)
                                    .ifPresent(e -> reached.add((MilestoneReached) e));
                        }
                    });
        }
        reached.sort(
                Comparator.comparing(MilestoneReached::reachedAt)
                        .thenComparing(MilestoneReached::threshold)
                        .reversed());
        int from = (int) Math.min((long) page * size, reached.size());
        int to = Math.min(from + size, reached.size());
        return new MilestonePage(
                List.copyOf(reached.subList(from, to)), page, size, reached.size());
    }

    /**
     * Per counted scope: the next threshold, how many registrations are missing, the recent rate in
     * event time and the date the milestone falls at that rate.
     */
    @GetMapping("/next")
    List<NextMilestone> next(@RequestParam(required = false) String scope) {
        String only = ScopeParameter.idOrNull(scope);
        List<NextMilestone> next = new ArrayList<>();
        try (var all = stores.counts().all()) {
            all.forEachRemaining(
                    entry -> {
                        if (only == null || only.equals(entry.key)) {
                            Scope counted = Scope.fromId(entry.key);
                            next.add(
                                    NextMilestone.of(
                                            counted,
                                            entry.value,
                                            rules.ruleFor(counted),
                                            clock.instant()));
                        }
                    });
        }
        next.sort(Comparator.comparing(n -> n.scope().type().ordinal() + ":" + n.scope().id()));
        return next;
    }

    /**
     * @param items the milestones of this page
     * @param page zero-based page number
     * @param size page size
     * @param total milestones in all pages
     */
    record MilestonePage(List<MilestoneReached> items, int page, int size, int total) {}
}
