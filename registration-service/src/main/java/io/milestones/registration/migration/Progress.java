package io.milestones.registration.migration;

import io.milestones.registration.migration.MigrationStatus.State;
import java.time.Instant;
import java.util.concurrent.atomic.AtomicLong;

/** The counters of a running migration, written by its thread and read by HTTP requests. */
final class Progress {

    volatile State state = State.NOT_STARTED;
    volatile long sourceRecords;
    final AtomicLong scanned = new AtomicLong();
    final AtomicLong copied = new AtomicLong();
    final AtomicLong registrations = new AtomicLong();
    final AtomicLong erasures = new AtomicLong();
    final AtomicLong contacts = new AtomicLong();
    final AtomicLong contactsWithheld = new AtomicLong();
    final AtomicLong unreadable = new AtomicLong();
    final AtomicLong milestonesRepublished = new AtomicLong();
    volatile String error;
    volatile Instant startedAt;
    volatile Instant finishedAt;

    MigrationStatus snapshot() {
        return new MigrationStatus(
                state,
                sourceRecords,
                scanned.get(),
                copied.get(),
                registrations.get(),
                erasures.get(),
                contacts.get(),
                contactsWithheld.get(),
                unreadable.get(),
                milestonesRepublished.get(),
                error,
                startedAt,
                finishedAt);
    }
}
