package io.milestones.registration.importing;

import java.time.Clock;
import java.time.Duration;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DataAccessException;
import org.springframework.transaction.TransactionException;

/**
 * Saves one running job to the {@code import_jobs} table: at most once per {@code
 * milestones.import.progress-interval} while it runs ({@link #tick()}, called for every row, costs
 * one clock read) and whenever told to ({@link #save()}: when it starts, when it ends). Each save
 * writes the counters and only the errors reported since the previous save. A save that fails (the
 * database away) is logged and retried at the next one; the import goes on.
 */
final class ImportProgress {

    private static final Logger log = LoggerFactory.getLogger(ImportProgress.class);

    private final ImportJob job;
    private final ImportJobRows rows;
    private final Clock clock;
    private final long intervalMillis;
    private long nextSaveAt;
    private int errorsSaved;

    ImportProgress(ImportJob job, ImportJobRows rows, Clock clock, Duration interval) {
        this.job = job;
        this.rows = rows;
        this.clock = clock;
        this.intervalMillis = interval.toMillis();
        this.nextSaveAt = clock.millis() + intervalMillis;
    }

    /** Saves if the interval has passed since the last save. */
    void tick() {
        if (clock.millis() >= nextSaveAt) {
            save();
        }
    }

    /** Saves now; true when the row is written. */
    boolean save() {
        ImportStatus status = job.snapshot();
        List<ImportError> errors = status.errors();
        nextSaveAt = clock.millis() + intervalMillis;
        try {
            rows.save(
                    status,
                    job.startedAt(),
                    errors.subList(errorsSaved, errors.size()),
                    errorsSaved,
                    clock.instant());
            errorsSaved = errors.size();
            return true;
        } catch (DataAccessException | TransactionException e) {
            log.warn(
                    "Import {}: progress not saved, retried at the next save ({})",
                    job.id(),
                    e.getClass().getSimpleName());
            return false;
        }
    }
}
