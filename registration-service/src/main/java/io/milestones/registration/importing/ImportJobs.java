package io.milestones.registration.importing;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.stereotype.Component;

/**
 * Receives import files and runs them one after another in the background. The upload is spooled to
 * a temporary file first (streamed, bounded memory), so the request ends as soon as the file is in.
 * Jobs live in memory: their resources are gone after a restart (the imported rows are not).
 */
@Component
class ImportJobs implements DisposableBean {

    private final ImportRunner runner;
    private final ImportProperties properties;
    private final Clock clock;
    private final ExecutorService executor =
            Executors.newSingleThreadExecutor(r -> new Thread(r, "bulk-import"));
    private final Map<String, ImportJob> jobs = new LinkedHashMap<>();

    ImportJobs(ImportRunner runner, ImportProperties properties, Clock clock) {
        this.runner = runner;
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
        remember(job);
        executor.execute(() -> run(job, file));
        return job;
    }

    private void run(ImportJob job, Path file) {
        try (InputStream in = Files.newInputStream(file)) {
            runner.run(job, in);
        } catch (IOException e) {
            job.failed("could not read the uploaded file", clock.instant());
        } finally {
            try {
                Files.deleteIfExists(file);
            } catch (IOException ignored) {
                // the temporary directory is cleaned by the system
            }
        }
    }

    private synchronized void remember(ImportJob job) {
        jobs.put(job.id(), job);
        var oldest = jobs.values().iterator();
        while (jobs.size() > properties.jobsKept() && oldest.hasNext()) {
            if (oldest.next().done()) {
                oldest.remove();
            }
        }
    }

    synchronized Optional<ImportJob> find(String id) {
        return Optional.ofNullable(jobs.get(id));
    }

    @Override
    public void destroy() {
        executor.shutdownNow();
    }
}
