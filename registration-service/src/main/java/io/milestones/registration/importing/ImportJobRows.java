package io.milestones.registration.importing;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.BatchPreparedStatementSetter;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.support.TransactionTemplate;

/** SQL of the {@code import_jobs} and {@code import_job_errors} tables (V3). */
@Repository
class ImportJobRows {

    static final int MAX_FAILURE = 1000;
    static final int MAX_FIELD = 200;
    static final int MAX_MESSAGE = 500;

    private static final String UNFINISHED = "('QUEUED', 'RUNNING')";
    private static final String FINISHED = "('COMPLETED', 'FAILED')";

    private final JdbcTemplate jdbc;
    private final TransactionTemplate transaction;

    ImportJobRows(JdbcTemplate jdbc, TransactionTemplate transaction) {
        this.jdbc = jdbc;
        this.transaction = transaction;
    }

    /** Stores a job just submitted (queued, nothing read yet). */
    void insert(ImportJob job, Instant now) {
        ImportStatus status = job.snapshot();
        jdbc.update(
                "INSERT INTO import_jobs (id, format, baseline, state, submitted_at, rows_read,"
                        + " rows_imported, rows_skipped, rows_failed, updated_at)"
                        + " VALUES (?, ?, ?, ?, ?, 0, 0, 0, 0, ?)",
                job.id(),
                job.format().name(),
                job.baseline(),
                status.status().name(),
                utc(status.createdAt()),
                utc(now));
    }

    /**
     * Writes a job's state and counters, and the errors it reported since the last save, in one
     * transaction: a reader sees a finished job with its final counters and all its errors.
     *
     * @param firstError the index in the job's error list of {@code newErrors}' first
     */
    void save(
            ImportStatus status,
            Instant startedAt,
            List<ImportError> newErrors,
            int firstError,
            Instant now) {
        transaction.executeWithoutResult(
                tx -> {
                    jdbc.update(
                            "UPDATE import_jobs SET state = ?, started_at = ?, finished_at = ?,"
                                    + " rows_read = ?, rows_imported = ?, rows_skipped = ?,"
                                    + " rows_failed = ?, failure = ?, updated_at = ? WHERE id = ?",
                            status.status().name(),
                            utc(startedAt),
                            utc(status.finishedAt()),
                            status.read(),
                            status.imported(),
                            status.skipped(),
                            status.failed(),
                            cut(status.failure(), MAX_FAILURE),
                            utc(now),
                            status.id());
                    if (!newErrors.isEmpty()) {
                        jdbc.batchUpdate(
                                "INSERT INTO import_job_errors (job_id, error_index, line, field,"
                                        + " message) VALUES (?, ?, ?, ?, ?)",
                                new BatchPreparedStatementSetter() {
                                    @Override
                                    public void setValues(PreparedStatement ps, int i)
                                            throws SQLException {
                                        ImportError error = newErrors.get(i);
                                        ps.setString(1, status.id());
                                        ps.setInt(2, firstError + i);
                                        ps.setLong(3, error.line());
                                        ps.setString(4, cut(error.field(), MAX_FIELD));
                                        ps.setString(5, cut(error.message(), MAX_MESSAGE));
                                    }

                                    @Override
                                    public int getBatchSize() {
                                        return newErrors.size();
                                    }
                                });
                    }
                });
    }

    /** The job resource as last saved. */
    Optional<ImportStatus> find(String id) {
        List<ImportStatus> found =
                jdbc.query(
                        "SELECT id, format, baseline, state, submitted_at, finished_at, rows_read,"
                                + " rows_imported, rows_skipped, rows_failed, failure"
                                + " FROM import_jobs WHERE id = ?",
                        ImportJobRows::status,
                        id);
        return found.stream().findFirst().map(status -> withErrors(status, errors(id)));
    }

    private List<ImportError> errors(String id) {
        return jdbc.query(
                "SELECT line, field, message FROM import_job_errors WHERE job_id = ?"
                        + " ORDER BY error_index",
                (rs, n) ->
                        new ImportError(
                                rs.getLong("line"), rs.getString("field"), rs.getString("message")),
                id);
    }

    /** Jobs queued or running, as last saved: after a restart, those nobody runs any more. */
    List<Unfinished> unfinished() {
        return jdbc.query(
                "SELECT id, state, rows_read FROM import_jobs WHERE state IN "
                        + UNFINISHED
                        + " ORDER BY submitted_at, id",
                (rs, n) ->
                        new Unfinished(
                                rs.getString("id"),
                                ImportJob.Status.valueOf(rs.getString("state")),
                                rs.getLong("rows_read")));
    }

    /** Fails a job unless it finished meanwhile; false when it had. */
    boolean fail(String id, String reason, Instant now) {
        return jdbc.update(
                        "UPDATE import_jobs SET state = 'FAILED', failure = ?, finished_at = ?,"
                                + " updated_at = ? WHERE id = ? AND state IN "
                                + UNFINISHED,
                        cut(reason, MAX_FAILURE),
                        utc(now),
                        utc(now),
                        id)
                == 1;
    }

    /**
     * Deletes the finished jobs older than the newest {@code kept} jobs (with their errors); a job
     * still queued or running is never deleted.
     *
     * @return how many were deleted
     */
    int deleteFinishedBeyond(int kept) {
        return jdbc.update(
                "DELETE FROM import_jobs WHERE state IN "
                        + FINISHED
                        + " AND id NOT IN (SELECT id FROM import_jobs"
                        + " ORDER BY submitted_at DESC, id DESC LIMIT ?)",
                kept);
    }

    private static ImportStatus status(ResultSet rs, int n) throws SQLException {
        return new ImportStatus(
                rs.getString("id"),
                ImportJob.Status.valueOf(rs.getString("state")),
                ImportFormat.valueOf(rs.getString("format")).mediaType(),
                rs.getBoolean("baseline"),
                rs.getLong("rows_read"),
                rs.getLong("rows_imported"),
                rs.getLong("rows_skipped"),
                rs.getLong("rows_failed"),
                List.of(),
                rs.getString("failure"),
                instant(rs, "submitted_at"),
                instant(rs, "finished_at"));
    }

    private static ImportStatus withErrors(ImportStatus s, List<ImportError> errors) {
        return new ImportStatus(
                s.id(),
                s.status(),
                s.format(),
                s.baseline(),
                s.read(),
                s.imported(),
                s.skipped(),
                s.failed(),
                errors,
                s.failure(),
                s.createdAt(),
                s.finishedAt());
    }

    private static Instant instant(ResultSet rs, String column) throws SQLException {
        OffsetDateTime value = rs.getObject(column, OffsetDateTime.class);
        return value == null ? null : value.toInstant();
    }

    private static OffsetDateTime utc(Instant instant) {
        return instant == null ? null : instant.atOffset(ZoneOffset.UTC);
    }

    private static String cut(String text, int max) {
        return text == null || text.length() <= max ? text : text.substring(0, max);
    }

    /**
     * A job a previous process left queued or running.
     *
     * @param id the job
     * @param status where it was
     * @param read rows read as of its last saved progress
     */
    record Unfinished(String id, ImportJob.Status status, long read) {}
}
