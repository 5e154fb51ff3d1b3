package io.milestones.milestone.stats;

import java.time.Clock;
import java.time.Instant;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.scheduling.concurrent.ThreadPoolTaskScheduler;
import org.springframework.stereotype.Component;

/**
 * Reads the snapshot every {@code milestones.stats.refresh-interval} and pushes it to the live
 * stream when it changed. The only reader of the stores on behalf of the public pages: a traffic
 * spike on celebration day costs the counting engine nothing.
 */
@Component
class StatsRefresher implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(StatsRefresher.class);

    private final StatsReader reader;
    private final StatsSnapshots snapshots;
    private final StatsStream stream;
    private final StatsProperties properties;
    private final Clock clock;
    private ThreadPoolTaskScheduler scheduler;
    private Instant lastPush = Instant.EPOCH;

    StatsRefresher(
            StatsReader reader,
            StatsSnapshots snapshots,
            StatsStream stream,
            StatsProperties properties,
            Clock clock) {
        this.reader = reader;
        this.snapshots = snapshots;
        this.stream = stream;
        this.properties = properties;
        this.clock = clock;
    }

    void refresh() {
        try {
            StatsSnapshot next;
            try {
                next = reader.read();
            } catch (RuntimeException e) {
                // Starting, restoring or stopped: keep the last numbers, say they are not live.
                log.debug("Stats not readable: {}", e.getMessage());
                next = snapshots.current().snapshot().withLive(false);
            }
            Instant now = clock.instant();
            if (snapshots.update(next)) {
                stream.publish(snapshots.current());
                lastPush = now;
            } else if (now.isAfter(lastPush.plus(properties.heartbeat()))) {
                stream.heartbeat();
                lastPush = now;
            }
        } catch (RuntimeException e) {
            log.warn("Refreshing the public stats failed; trying again", e);
        }
    }

    @Override
    public synchronized void start() {
        scheduler = new ThreadPoolTaskScheduler();
        scheduler.setThreadNamePrefix("stats-refresh-");
        scheduler.initialize();
        scheduler.scheduleWithFixedDelay(this::refresh, properties.refreshInterval());
    }

    @Override
    public synchronized void stop() {
        if (scheduler != null) {
            scheduler.shutdown();
            scheduler = null;
        }
    }

    @Override
    public synchronized boolean isRunning() {
        return scheduler != null;
    }
}
