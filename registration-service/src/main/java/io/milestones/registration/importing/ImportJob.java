package io.milestones.registration.importing;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The progress of one import, updated by the runner; {@link ImportProgress} saves it to the {@code
 * import_jobs} table, which the resource reads. Instants are kept to the microsecond, as the
 * database stores them.
 */
final class ImportJob {

    /** Where a job is. */
    enum Status {
        QUEUED,
        RUNNING,
        COMPLETED,
        FAILED
    }

    private final String id;
    private final ImportFormat format;
    private final boolean baseline;
    private final int maxErrors;
    private final Instant createdAt;
    private final AtomicLong read = new AtomicLong();
    private final AtomicLong imported = new AtomicLong();
    private final AtomicLong skipped = new AtomicLong();
    private final AtomicLong failed = new AtomicLong();
    private final List<ImportError> errors = new ArrayList<>();
    private volatile Status status = Status.QUEUED;
    private volatile String failure;
    private volatile Instant startedAt;
    private volatile Instant finishedAt;

    ImportJob(String id, ImportFormat format, boolean baseline, int maxErrors, Instant createdAt) {
        this.id = id;
        this.format = format;
        this.baseline = baseline;
        this.maxErrors = maxErrors;
        this.createdAt = micros(createdAt);
    }

    String id() {
        return id;
    }

    ImportFormat format() {
        return format;
    }

    boolean baseline() {
        return baseline;
    }

    void running(Instant at) {
        startedAt = micros(at);
        status = Status.RUNNING;
    }

    /** When the runner started it, {@code null} while queued. */
    Instant startedAt() {
        return startedAt;
    }

    void read() {
        read.incrementAndGet();
    }

    void imported() {
        imported.incrementAndGet();
    }

    /** A row not imported because its teacher is already registered. */
    void skipped(ImportError error) {
        skipped.incrementAndGet();
        report(error);
    }

    /** A row not imported because it is invalid. */
    void failed(ImportError error) {
        failed.incrementAndGet();
        report(error);
    }

    private synchronized void report(ImportError error) {
        if (errors.size() < maxErrors) {
            errors.add(error);
        }
    }

    void finished(Instant at) {
        finishedAt = micros(at);
        status = Status.COMPLETED;
    }

    void failed(String reason, Instant at) {
        failure = reason;
        finishedAt = micros(at);
        status = Status.FAILED;
    }

    private static Instant micros(Instant at) {
        return at.truncatedTo(ChronoUnit.MICROS);
    }

    synchronized ImportStatus snapshot() {
        return new ImportStatus(
                id,
                status,
                format.mediaType(),
                baseline,
                read.get(),
                imported.get(),
                skipped.get(),
                failed.get(),
                List.copyOf(errors),
                failure,
                createdAt,
                finishedAt);
    }
}
