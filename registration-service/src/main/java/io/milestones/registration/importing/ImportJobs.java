package io.milestones.registration.importing;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Clock;
import java.time.Duration;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.dao.DataAccessException;
import org.springframework.stereotype.Component;

/**
 * Receives import files and runs them one after another in the background. The upload is spooled to
 * a temporary file first (streamed, bounded memory), so the request ends as soon as the file is in.
 * Jobs are stored in the {@code import_jobs} table, which the resource reads, so they outlive a
 * restart; the spooled file does not, and {@link InterruptedImports} fails what a restart cut off.
 */
@Component
class ImportJobs implements DisposableBean {

    private static final Logger log = LoggerFactory.getLogger(ImportJobs.class);
    private static final Duration STOP_TIMEOUT = Duration.ofSeconds(10);

    private final ImportRunner runner;
    private final ImportJobRows rows;
    private final ImportProperties properties;
    private final Clock clock;
    private final ExecutorService executor =
            Executors.newSingleThreadExecutor(r -> new Thread(r, "bulk-import"));

    ImportJobs(ImportRunner runner, ImportJobRows rows, ImportProperties properties, Clock clock) {
        this.runner = runner;
        this.rows = rows;
        this.properties = properties;
        this.clock = clock;
    }

    ImportJob submit(ImportFormat format, boolean baseline, InputStream upload) throws IOException {
        Path file = Files.createTempFile("registration-import-", "." + format.name().toLowerCase());
        try {
            Files.copy(upload, file, StandardCopyOption.REPLACE_EXISTING);
        } catch (IOException e) {
            Files.deleteIfExists(file);
            throw e;
        }
        ImportJob job =
                new ImportJob(
                        UUID.randomUUID().toString(),
                        format,
                        baseline,
                        properties.maxErrorsReported(),
                        clock.instant());
        try {
            rows.insert(job, clock.instant());
        } catch (RuntimeException e) {
            Files.deleteIfExists(file);
            throw e;
        }
        executor.execute(() -> run(job, file));
        forgetOldJobs();
        return job;
    }

    /** Retention: best effort, the next submission tries again. */
    private void forgetOldJobs() {
        try {
            int deleted = rows.deleteFinishedBeyond(properties.jobsKept());
            if (deleted > 0) {
                log.debug(
                        "Deleted {} finished import jobs beyond the newest {}",
                        deleted,
                        properties.jobsKept());
            }
        } catch (DataAccessException e) {
            log.warn("Old import jobs not deleted ({})", e.getClass().getSimpleName());
        }
    }

    private void run(ImportJob job, Path file) {
        ImportProgress progress =
                new ImportProgress(job, rows, clock, properties.progressInterval());
        try (InputStream in = Files.newInputStream(file)) {
            runner.run(job, in, progress);
        } catch (IOException e) {
            job.failed("could not read the uploaded file", clock.instant());
        } finally {
            if (!progress.save()) {
                log.error("Import {} ended but its end could not be saved", job.id());
            }
            try {
                Files.deleteIfExists(file);
            } catch (IOException ignored) {
                // the temporary directory is cleaned by the system
            }
        }
    }

    /** The job resource as last saved. */
    Optional<ImportStatus> find(String id) {
        return rows.find(id);
    }

    /**
     * Interrupts the running job, which stops after its current row and saves itself as failed
     * (waiting for that at most {@link #STOP_TIMEOUT}); queued jobs are left queued, and failed by
     * the next start-up.
     */
    @Override
    public void destroy() throws InterruptedException {
        executor.shutdownNow();
        if (!executor.awaitTermination(STOP_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS)) {
            log.warn("The running import did not stop within {}", STOP_TIMEOUT);
        }
    }
}
