package io.milestones.notifier.social;

import io.milestones.events.MilestoneReached;
import java.time.Duration;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Posts that wait in this process for a network's publishing window (decision 0406), on one thread
 * of their own: the Kafka listener has long moved on, so the milestone's other networks and the
 * e-mails are never held up. While a post waits (or its attempt runs), {@link #isWaiting} is true
 * and the announcer leaves that (milestone, network) alone: one publication at a time. A wait is
 * not kept across a restart — its delivery row is: {@code PENDING} with a last error that starts
 * with {@link #MARKER}, found again by {@link SocialAnnouncer#resumeWaiting()} at start-up.
 */
class WaitingPosts implements AutoCloseable {

    /** How the last error of a waiting delivery starts (the row a restart looks for). */
    static final String MARKER = "waiting for the publishing window: ";

    /** Where a waiting post's milestone is found again after a restart. */
    @FunctionalInterface
    interface Milestones {
        Optional<MilestoneReached> find(String milestoneId);
    }

    private static final Logger log = LoggerFactory.getLogger(WaitingPosts.class);

    private final LimitWaitProperties properties;
    private final Milestones milestones;
    private final Set<String> waiting = ConcurrentHashMap.newKeySet();
    private final ScheduledExecutorService scheduler =
            Executors.newSingleThreadScheduledExecutor(
                    r -> {
                        Thread thread = new Thread(r, "social-waiting-posts");
                        thread.setDaemon(true);
                        return thread;
                    });

    WaitingPosts(LimitWaitProperties properties, Milestones milestones) {
        this.properties = properties;
        this.milestones = milestones;
    }

    LimitWaitProperties properties() {
        return properties;
    }

    Optional<MilestoneReached> milestone(String milestoneId) {
        return milestones.find(milestoneId);
    }

    boolean isWaiting(String milestoneId, String network) {
        return waiting.contains(key(milestoneId, network));
    }

    /** How many posts wait now. */
    int size() {
        return waiting.size();
    }

    /**
     * Runs {@code attempt} after {@code pause}, then again after the pause it returns, until it
     * returns {@code null}.
     *
     * @return false when that post waits already (nothing scheduled)
     */
    boolean schedule(
            String milestoneId, String network, Duration pause, Supplier<Duration> attempt) {
        String key = key(milestoneId, network);
        if (!waiting.add(key)) {
            return false;
        }
        try {
            run(key, pause, attempt);
        } catch (RuntimeException rejected) { // shut down
            waiting.remove(key);
            throw rejected;
        }
        return true;
    }

    private void run(String key, Duration pause, Supplier<Duration> attempt) {
        scheduler.schedule(
                () -> {
                    Duration next = null;
                    try {
                        next = attempt.get();
                    } catch (RuntimeException e) {
                        log.error("Waiting post {} failed: {}", key, e.toString());
                    }
                    if (next == null || scheduler.isShutdown()) {
                        waiting.remove(key);
                    } else {
                        run(key, next, attempt);
                    }
                },
                Math.max(0, pause.toMillis()),
                TimeUnit.MILLISECONDS);
    }

    /** Stops waiting; the rows stay PENDING and a restart resumes them. */
    @Override
    public void close() {
        scheduler.shutdownNow();
    }

    private static String key(String milestoneId, String network) {
        return milestoneId + "|" + network;
    }
}
