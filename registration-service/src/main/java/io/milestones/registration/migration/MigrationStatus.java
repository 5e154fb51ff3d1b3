package io.milestones.registration.migration;

import java.time.Instant;

/**
 * Where the migration stands; the resource of {@code /api/admin/migrations/registrations-v2}.
 *
 * @param state what it is doing
 * @param sourceRecords records on the v1 topic when the migration started (its end offsets)
 * @param scanned records read in the first pass (which finds the erasures)
 * @param copied records read and copied in the second pass
 * @param registrations registrations written to {@code registrations-v2}
 * @param erasures erasures written to {@code registrations-v2}
 * @param contacts contact records written to {@code teacher-contacts}
 * @param contactsWithheld contacts not written because the teacher was erased
 * @param unreadable v1 records that are no event of the contract (skipped; see {@code
 *     registrations-dlt})
 * @param milestonesRepublished milestones re-published without the name they carried
 * @param error why it failed, when it did
 * @param startedAt when it started
 * @param finishedAt when it ended
 */
record MigrationStatus(
        State state,
        long sourceRecords,
        long scanned,
        long copied,
        long registrations,
        long erasures,
        long contacts,
        long contactsWithheld,
        long unreadable,
        long milestonesRepublished,
        String error,
        Instant startedAt,
        Instant finishedAt) {

    enum State {
        NOT_STARTED,
        SCANNING,
        COPYING,
        ANONYMISING_MILESTONES,
        DONE,
        FAILED,
        RETIRED
    }
}
