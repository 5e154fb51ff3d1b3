package io.milestones.notifier.social;

import io.milestones.events.MilestoneReached;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import org.springframework.stereotype.Component;

/** The milestones this process celebrated lately, so their cards can be served by id. */
@Component
class CelebratedMilestones {

    private static final int KEEP = 500;

    private final Map<String, MilestoneReached> milestones =
            new LinkedHashMap<>() {
                @Override
                protected boolean removeEldestEntry(Map.Entry<String, MilestoneReached> eldest) {
                    return size() > KEEP;
                }
            };

    synchronized void remember(MilestoneReached milestone) {
        milestones.put(milestone.milestoneId(), milestone);
    }

    synchronized Optional<MilestoneReached> find(String milestoneId) {
        return Optional.ofNullable(milestones.get(milestoneId));
    }
}
