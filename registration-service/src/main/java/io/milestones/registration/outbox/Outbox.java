package io.milestones.registration.outbox;

import io.milestones.events.EventType;
import java.time.Clock;
import java.util.List;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * The transactional outbox: events are written in the caller's transaction, beside the registry
 * change they describe, and the {@link OutboxRelay} publishes them once that transaction committed.
 * An event is therefore published if and only if its change committed.
 */
@Component
public class Outbox {

    private final OutboxRows rows;
    private final RelaySignal signal;
    private final Clock clock;

    Outbox(OutboxRows rows, RelaySignal signal, Clock clock) {
        this.rows = rows;
        this.signal = signal;
        this.clock = clock;
    }

    /** Writes one event; requires a transaction. */
    @Transactional(propagation = Propagation.MANDATORY)
    public void append(OutgoingEvent event) {
        appendAll(List.of(event));
    }

    /** Writes events in one JDBC batch; requires a transaction. */
    @Transactional(propagation = Propagation.MANDATORY)
    public void appendAll(List<OutgoingEvent> events) {
        if (events.isEmpty()) {
            return;
        }
        rows.insert(events, clock.instant());
        TransactionSynchronizationManager.registerSynchronization(
                new TransactionSynchronization() {
                    @Override
                    public void afterCommit() {
                        signal.wake();
                    }
                });
    }

    /**
     * Deletes the events of {@code key} and {@code type} that were not published yet (an erasure
     * stops a contact record still waiting); requires a transaction.
     *
     * @return how many waiting events were deleted
     */
    @Transactional(propagation = Propagation.MANDATORY)
    public int dropPending(String key, EventType type) {
        return rows.dropPending(key, type);
    }
}
