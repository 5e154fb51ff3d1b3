package io.milestones.chain.graph;

import org.springframework.boot.health.contributor.AbstractHealthIndicator;
import org.springframework.boot.health.contributor.Health;
import org.springframework.stereotype.Component;

/**
 * {@code chainGraph} in {@code /actuator/health} (details where {@code show-details} allows):
 * whether the graph has read back everything that was on the topics at start ({@code caughtUp}).
 * Always UP: the API answers meanwhile, with numbers that climb to their value (decision 0701).
 */
@Component("chainGraph")
class ChainGraphHealthIndicator extends AbstractHealthIndicator {

    private final ChainGraphFeed feed;

    ChainGraphHealthIndicator(ChainGraphFeed feed) {
        this.feed = feed;
    }

    @Override
    protected void doHealthCheck(Health.Builder builder) {
        builder.up().withDetail("caughtUp", feed.caughtUp());
    }
}
