package io.milestones.registration.importing;

import static org.assertj.core.api.Assertions.assertThat;

import io.milestones.testing.TestClock;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.jdbc.datasource.DriverManagerDataSource;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Saving a job's progress, its end, retention and the start-up clean-up, on the real migrations in
 * an in-memory H2 database (no Spring context).
 */
class ImportProgressTest {

    final TestClock clock = new TestClock(Instant.parse("2026-01-05T09:00:00.123456789Z"));
    ImportJobRows rows;
    JdbcTemplate jdbc;

    @BeforeEach
    void database() {
        var dataSource =
                new DriverManagerDataSource(
                        "jdbc:h2:mem:progress_" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1",
                        "sa",
                        "");
        Flyway.configure()
                .dataSource(dataSource)
                .locations("classpath:db/migration/registration")
                .load()
                .migrate();
        jdbc = new JdbcTemplate(dataSource);
        rows =
                new ImportJobRows(
                        jdbc,
                        new TransactionTemplate(new DataSourceTransactionManager(dataSource)));
    }

    ImportJob submitted(int maxErrors) {
        var job =
                new ImportJob(
                        UUID.randomUUID().toString(),
                        ImportFormat.CSV,
                        true,
                        maxErrors,
                        clock.instant());
        rows.insert(job, clock.instant());
        return job;
    }

    @Test
    void shouldSaveAtMostOncePerIntervalAndEachErrorOnce() {
        ImportJob job = submitted(3);
        var progress = new ImportProgress(job, rows, clock, Duration.ofSeconds(1));
        job.running(clock.instant());
        progress.save();

        job.read();
        job.failed(new ImportError(1, "email", "must be a well-formed email address"));
        clock.advance(Duration.ofMillis(999));
        progress.tick();
        assertThat(rows.find(job.id()).orElseThrow().read()).isZero();

        clock.advance(Duration.ofMillis(1));
        progress.tick();
        assertThat(rows.find(job.id()).orElseThrow().read()).isEqualTo(1);
        assertThat(rows.find(job.id()).orElseThrow().status()).isEqualTo(ImportJob.Status.RUNNING);

        for (int line = 2; line <= 5; line++) {
            job.read();
            job.skipped(new ImportError(line, "", "teacherId or email is already registered"));
        }
        job.finished(clock.instant());
        progress.save();

        ImportStatus saved = rows.find(job.id()).orElseThrow();
        assertThat(saved).isEqualTo(job.snapshot());
        assertThat(saved.errors()).extracting(ImportError::line).containsExactly(1L, 2L, 3L);
        assertThat(saved.createdAt()).isEqualTo("2026-01-05T09:00:00.123456Z");
    }

    @Test
    void shouldFailUnfinishedJobsAtStartUpAndLeaveFinishedOnes() {
        ImportJob queued = submitted(10);
        ImportJob running = submitted(10);
        ImportJob done = submitted(10);
        var progress = new ImportProgress(running, rows, clock, Duration.ofSeconds(1));
        running.running(clock.instant());
        for (int i = 0; i < 1234; i++) {
            running.read();
        }
        progress.save();
        done.running(clock.instant());
        done.finished(clock.instant());
        new ImportProgress(done, rows, clock, Duration.ofSeconds(1)).save();

        new InterruptedImports(rows, clock).afterPropertiesSet();

        ImportStatus cutOff = rows.find(running.id()).orElseThrow();
        assertThat(cutOff.status()).isEqualTo(ImportJob.Status.FAILED);
        assertThat(cutOff.failure())
                .isEqualTo(
                        "interrupted by a restart at row 1234; re-submit the file — rows already imported are recognised as duplicates"
                                + " and skipped");
        assertThat(cutOff.finishedAt()).isNotNull();
        assertThat(rows.find(queued.id()).orElseThrow().failure())
                .isEqualTo("interrupted by a restart before it started; re-submit the file");
        assertThat(rows.find(done.id()).orElseThrow()).isEqualTo(done.snapshot());
    }

    @Test
    void shouldKeepTheNewestJobsAndEveryUnfinishedOne() {
        ImportJob oldUnfinished = submitted(10);
        clock.advance(Duration.ofSeconds(1));
        ImportJob oldest = finished(submitted(10));
        clock.advance(Duration.ofSeconds(1));
        ImportJob older = finished(submitted(10));
        jdbc.update(
                "INSERT INTO import_job_errors (job_id, error_index, line, field, message)"
                        + " VALUES (?, 0, 1, '', 'x')",
                oldest.id());
        clock.advance(Duration.ofSeconds(1));
        ImportJob newer = finished(submitted(10));
        clock.advance(Duration.ofSeconds(1));
        ImportJob newest = submitted(10);

        assertThat(rows.deleteFinishedBeyond(2)).isEqualTo(2);

        assertThat(rows.find(oldUnfinished.id())).isPresent();
        assertThat(rows.find(oldest.id())).isEmpty();
        assertThat(rows.find(older.id())).isEmpty();
        assertThat(rows.find(newer.id())).isPresent();
        assertThat(rows.find(newest.id())).isPresent();
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM import_job_errors", Long.class))
                .isZero();
    }

    private ImportJob finished(ImportJob job) {
        job.running(clock.instant());
        job.finished(clock.instant());
        new ImportProgress(job, rows, clock, Duration.ofSeconds(1)).save();
        return job;
    }
}
