package io.milestones.registration.registration;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

/** SQL of the {@code teacher} table. Uniqueness is the database's job, never check-then-insert. */
@Repository
class Teachers {

    private static final String COLUMNS =
            "teacher_id, email, display_name, country, language, milestone_emails, public_name,"
                    + " baseline,"
                    + " registered_at, event_id, idempotency_key, erased_at";

    private static final String INSERT =
            "INSERT INTO teacher (teacher_id, email, email_key, display_name, country, language,"
                    + " milestone_emails, public_name, baseline, registered_at, event_id,"
                    + " idempotency_key) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)";

    /** Inserts unless the teacherId or the address is taken; portable to H2 and PostgreSQL. */
    private static final String INSERT_IF_ABSENT =
            "INSERT INTO teacher (teacher_id, email, email_key, display_name, country, language,"
                    + " milestone_emails, public_name, baseline, registered_at, event_id)"
                    + " SELECT CAST(? AS VARCHAR(64)), CAST(? AS VARCHAR(254)),"
                    + " CAST(? AS VARCHAR(254)), CAST(? AS VARCHAR(200)), CAST(? AS VARCHAR(2)),"
                    + " CAST(? AS VARCHAR(35)), CAST(? AS BOOLEAN), CAST(? AS BOOLEAN),"
                    + " CAST(? AS BOOLEAN),"
                    + " CAST(? AS TIMESTAMP WITH TIME ZONE), CAST(? AS VARCHAR(36))"
                    // two lookups, each on its unique index (an OR would scan the table)
                    + " WHERE NOT EXISTS (SELECT 1 FROM teacher WHERE teacher_id = ?)"
                    + " AND NOT EXISTS (SELECT 1 FROM teacher WHERE email_key = ?)";

    private final JdbcTemplate jdbc;

    Teachers(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * @throws org.springframework.dao.DuplicateKeyException when the teacherId, the address or the
     *     idempotency key is taken
     */
    void insert(Teacher t) {
        jdbc.update(
                INSERT,
                t.teacherId(),
                t.email(),
                t.emailKey(),
                t.displayName(),
                t.country(),
                t.language(),
                t.milestoneEmails(),
                t.publicName(),
                t.baseline(),
                utc(t.registeredAt()),
                t.eventId(),
                t.idempotencyKey());
    }

    /**
     * Inserts each teacher whose id and address are both free, in one JDBC batch.
     *
     * @return for each teacher, whether it was inserted
     */
    boolean[] insertIfAbsent(List<Teacher> teachers) {
        int[][] counts =
                jdbc.batchUpdate(
                        INSERT_IF_ABSENT,
                        teachers,
                        teachers.size(),
                        (ps, t) -> {
                            ps.setString(1, t.teacherId());
                            ps.setString(2, t.email());
                            ps.setString(3, t.emailKey());
                            ps.setString(4, t.displayName());
                            ps.setString(5, t.country());
                            ps.setString(6, t.language());
                            ps.setBoolean(7, t.milestoneEmails());
                            ps.setBoolean(8, t.publicName());
                            ps.setBoolean(9, t.baseline());
                            ps.setObject(10, utc(t.registeredAt()));
                            ps.setString(11, t.eventId());
                            ps.setString(12, t.teacherId());
                            ps.setString(13, t.emailKey());
                        });
        boolean[] inserted = new boolean[teachers.size()];
        int i = 0;
        for (int[] batch : counts) {
            for (int count : batch) {
                inserted[i++] = count > 0;
            }
        }
        return inserted;
    }

    Optional<Teacher> find(String teacherId) {
        return jdbc
                .query(
                        "SELECT " + COLUMNS + " FROM teacher WHERE teacher_id = ?",
                        Teachers::teacher,
                        teacherId)
                .stream()
                .findFirst();
    }

    Optional<Teacher> findByIdempotencyKey(String key) {
        return jdbc
                .query(
                        "SELECT " + COLUMNS + " FROM teacher WHERE idempotency_key = ?",
                        Teachers::teacher,
                        key)
                .stream()
                .findFirst();
    }

    /**
     * Nulls the personal columns, keeping the anonymous facts.
     *
     * @return false when the teacher was already erased (or never registered)
     */
    boolean erase(String teacherId, Instant at) {
        return jdbc.update(
                        "UPDATE teacher SET email = NULL, email_key = NULL, display_name = NULL,"
                                + " milestone_emails = FALSE, public_name = FALSE, erased_at = ?"
                                + " WHERE teacher_id = ? AND erased_at IS NULL",
                        utc(at),
                        teacherId)
                == 1;
    }

    /** One page, oldest registration first; {@code limit} rows from {@code offset}. */
    List<Teacher> page(String country, Instant since, long offset, int limit) {
        StringBuilder sql = new StringBuilder("SELECT " + COLUMNS + " FROM teacher WHERE 1 = 1");
        List<Object> args = new ArrayList<>();
        if (country != null) {
            sql.append(" AND country = ?");
            args.add(country);
        }
        if (since != null) {
            sql.append(" AND registered_at >= ?");
            args.add(utc(since));
        }
        sql.append(" ORDER BY registered_at, teacher_id LIMIT ? OFFSET ?");
        args.add(limit);
        args.add(offset);
        return jdbc.query(sql.toString(), Teachers::teacher, args.toArray());
    }

    private static Teacher teacher(ResultSet rs, int n) throws SQLException {
        OffsetDateTime erasedAt = rs.getObject("erased_at", OffsetDateTime.class);
        return new Teacher(
                rs.getString("teacher_id"),
                rs.getString("email"),
                rs.getString("display_name"),
                rs.getString("country"),
                rs.getString("language"),
                rs.getBoolean("milestone_emails"),
                rs.getBoolean("public_name"),
                rs.getBoolean("baseline"),
                rs.getObject("registered_at", OffsetDateTime.class).toInstant(),
                rs.getString("event_id"),
                rs.getString("idempotency_key"),
                erasedAt == null ? null : erasedAt.toInstant());
    }

    private static OffsetDateTime utc(Instant instant) {
        return instant.atOffset(ZoneOffset.UTC);
    }
}
