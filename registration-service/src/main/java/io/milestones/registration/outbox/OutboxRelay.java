package io.milestones.registration.outbox;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.dao.DataAccessException;
import org.springframework.kafka.core.KafkaAdmin;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Publishes the outbox, oldest first, and deletes what the broker acknowledged. One thread, one
 * round at a time, under a database lock so that a second instance waits instead of racing.
 *
 * <p>Order: a round takes at most one event per key, and the next event of that key is read only
 * after the previous one was acknowledged, so one teacher's events reach the topic in the order
 * they were written. Delivery is at least once: a crash between the acknowledgement and the delete
 * sends an event again with the same {@code ce_id}; consumers count distinct teacherIds.
 */
@Component
class OutboxRelay implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(OutboxRelay.class);

    private final OutboxRows rows;
    private final BatchPublisher publisher;
    private final KafkaAdmin admin;
    private final TransactionTemplate transaction;
    private final RelaySignal signal;
    private final OutboxProperties properties;
    private final Counter published;
    private final Counter failed;
    private volatile Thread thread;
    private boolean topicsReady;

    OutboxRelay(
            OutboxRows rows,
            BatchPublisher publisher,
            KafkaAdmin admin,
            TransactionTemplate transaction,
            RelaySignal signal,
            OutboxProperties properties,
            MeterRegistry meters) {
        this.rows = rows;
        this.publisher = publisher;
        this.admin = admin;
        this.transaction = transaction;
        this.signal = signal;
        this.properties = properties;
        this.published = meters.counter("milestones.outbox.published");
        this.failed = meters.counter("milestones.outbox.send.failures");
    }

    /** The outcome of one round: how many events were acknowledged, and how many were not. */
    record Round(int published, int failed) {
        static final Round IDLE = new Round(0, 0);
    }

    /** Publishes up to one batch; the unit the loop repeats. */
    Round relayOnce() throws InterruptedException {
        try {
            return transaction.execute(status -> publishBatch());
        } catch (DataAccessException e) {
            // lock held by another instance, or the database is away: try again later
            log.debug("Outbox round skipped: {}", e.getMessage());
            return Round.IDLE;
        } catch (InterruptedRound e) {
            throw e.cause;
        }
    }

    private Round publishBatch() {
        rows.lockRelay();
        List<PendingEvent> batch = onePerKey(rows.oldest(properties.batchSize()));
        if (batch.isEmpty()) {
            return Round.IDLE;
        }
        if (!topicsReady) {
            topicsReady = ensureTopics();
        }
        List<Long> acknowledged;
        try {
            acknowledged = publisher.publish(batch, properties.sendTimeout());
        } catch (InterruptedException e) {
            throw new InterruptedRound(e);
        }
        if (!acknowledged.isEmpty()) {
            rows.delete(acknowledged);
        }
        published.increment(acknowledged.size());
        failed.increment(batch.size() - acknowledged.size());
        return new Round(acknowledged.size(), batch.size() - acknowledged.size());
    }

    private boolean ensureTopics() {
        try {
            return admin.initialize();
        } catch (RuntimeException e) {
            log.warn("Could not create the topics yet: {}", e.getMessage());
            return false;
        }
    }

    private static List<PendingEvent> onePerKey(List<PendingEvent> oldestFirst) {
        Set<String> keys = new HashSet<>();
        List<PendingEvent> batch = new ArrayList<>(oldestFirst.size());
        for (PendingEvent event : oldestFirst) {
            if (keys.add(event.key())) {
                batch.add(event);
            }
        }
        return batch;
    }

    private void loop() {
        Duration backoff = Duration.ZERO;
        while (!Thread.currentThread().isInterrupted()) {
            try {
                Round round = relayOnce();
                if (round.failed() > 0) {
                    topicsReady = false;
                    backoff = next(backoff);
                    log.warn(
                            "Outbox: {} events not acknowledged by the broker; retrying in {}",
                            round.failed(),
                            backoff);
                    pause(backoff);
                } else if (round.published() == 0) {
                    backoff = Duration.ZERO;
                    signal.await(properties.pollInterval());
                } else {
                    backoff = Duration.ZERO;
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            } catch (RuntimeException e) {
                log.error("Outbox round failed: {}", e.toString());
                backoff = next(backoff);
                pause(backoff);
            }
        }
    }

    private static void pause(Duration backoff) {
        try {
            Thread.sleep(backoff.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private Duration next(Duration backoff) {
        Duration doubled = backoff.isZero() ? Duration.ofMillis(200) : backoff.multipliedBy(2);
        return doubled.compareTo(properties.maxBackoff()) > 0 ? properties.maxBackoff() : doubled;
    }

    @Override
    public synchronized void start() {
        if (properties.enabled() && thread == null) {
            thread = new Thread(this::loop, "outbox-relay");
            thread.setDaemon(true);
            thread.start();
        }
    }

    @Override
    public synchronized void stop() {
        Thread running = thread;
        thread = null;
        if (running != null) {
            running.interrupt();
            try {
                running.join(Duration.ofSeconds(10).toMillis());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    @Override
    public boolean isRunning() {
        return thread != null;
    }

    @Override
    public int getPhase() {
        // stops before the Kafka producer and the data source go away
        return SmartLifecycle.DEFAULT_PHASE - 1000;
    }

    /** Carries an interruption out of the transaction callback. */
    private static final class InterruptedRound extends RuntimeException {
        private final InterruptedException cause;

        InterruptedRound(InterruptedException cause) {
            this.cause = cause;
        }
    }
}
