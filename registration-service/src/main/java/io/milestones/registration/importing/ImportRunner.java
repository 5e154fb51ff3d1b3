package io.milestones.registration.importing;

import io.milestones.registration.registration.BulkRegistrations;
import io.milestones.registration.registration.BulkRegistrations.ImportedTeacher;
import io.milestones.registration.registration.RegistrationRequest;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.Validator;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Reads an import file row by row, validates each row like the API does, and registers the good
 * ones in batches; a bad row is reported with its line number and never holds back the others.
 */
@Component
class ImportRunner {

    private static final Logger log = LoggerFactory.getLogger(ImportRunner.class);

    private final BulkRegistrations registrations;
    private final Validator validator;
    private final ImportProperties properties;
    private final Clock clock;

    ImportRunner(
            BulkRegistrations registrations,
            Validator validator,
            ImportProperties properties,
            Clock clock) {
        this.registrations = registrations;
        this.validator = validator;
        this.properties = properties;
        this.clock = clock;
    }

    /**
     * Imports the file, saving the job's progress through {@code progress} as it goes (the caller
     * saves the end). An interrupt (the service shutting down) stops it after the current row, as
     * failed with the row reached.
     */
    void run(ImportJob job, InputStream file, ImportProgress progress) {
        job.running(clock.instant());
        progress.save();
        log.info("Import {} started ({})", job.id(), job.format());
        List<ParsedRow> batch = new ArrayList<>(properties.batchSize());
        try (RowReader rows = RowReader.open(job.format(), file)) {
            while (rows.hasNext()) {
                if (Thread.interrupted()) {
                    stopped(job);
                    return;
                }
                ParsedRow row = rows.next();
                job.read();
                progress.tick();
                ImportError error = row.error() != null ? row.error() : validate(row);
                if (error != null) {
                    job.failed(error);
                    continue;
                }
                batch.add(row);
                if (batch.size() == properties.batchSize()) {
                    register(job, batch);
                }
            }
            register(job, batch);
            job.finished(clock.instant());
            log.info("Import {} completed: {}", job.id(), counts(job.snapshot()));
        } catch (IOException
                | UncheckedIOException
                | IllegalArgumentException
                | IllegalStateException e) {
            if (Thread.interrupted()) {
                // the shutdown closed the file under the reader
                stopped(job);
                return;
            }
            // the file itself is broken (e.g. an unclosed quote): what was read stays imported
            job.failed(e.getMessage(), clock.instant());
            log.warn(
                    "Import {} stopped: {} ({})",
                    job.id(),
                    e.getClass().getSimpleName(),
                    counts(job.snapshot()));
        } catch (RuntimeException e) {
            if (Thread.interrupted()) {
                stopped(job);
                return;
            }
            job.failed("internal error: " + e.getClass().getSimpleName(), clock.instant());
            log.error("Import {} failed: {}", job.id(), e.getClass().getName());
        }
    }

    /** The interrupt flag is cleared, so that the caller can still save the job. */
    private void stopped(ImportJob job) {
        job.failed(InterruptedImports.reason("a shutdown", job.snapshot().read()), clock.instant());
        log.warn("Import {} stopped by a shutdown ({})", job.id(), counts(job.snapshot()));
    }

    private ImportError validate(ParsedRow row) {
        Set<ConstraintViolation<RegistrationRequest>> violations =
                validator.validate(row.request());
        if (!violations.isEmpty()) {
            var first =
                    violations.stream()
                            .min(Comparator.comparing(v -> v.getPropertyPath().toString()))
                            .orElseThrow();
            return new ImportError(
                    row.line(), first.getPropertyPath().toString(), first.getMessage());
        }
        if (row.registeredAt() != null && row.registeredAt().isAfter(clock.instant())) {
            return new ImportError(row.line(), "registeredAt", "must not be in the future");
        }
        return null;
    }

    private void register(ImportJob job, List<ParsedRow> batch) {
        if (batch.isEmpty()) {
            return;
        }
        Instant now = clock.instant();
        List<ImportedTeacher> teachers =
                batch.stream()
                        .map(
                                row ->
                                        new ImportedTeacher(
                                                row.request().toNewTeacher(),
                                                row.registeredAt() == null
                                                        ? now
                                                        : row.registeredAt()))
                        .toList();
        boolean[] registered = registrations.register(teachers, job.baseline());
        for (int i = 0; i < registered.length; i++) {
            if (registered[i]) {
                job.imported();
            } else {
                job.skipped(
                        new ImportError(
                                batch.get(i).line(),
                                "",
                                "teacherId or email is already registered"));
            }
        }
        batch.clear();
    }

    private static String counts(ImportStatus status) {
        return "read "
                + status.read()
                + ", imported "
                + status.imported()
                + ", skipped "
                + status.skipped()
                + ", failed "
                + status.failed();
    }
}
