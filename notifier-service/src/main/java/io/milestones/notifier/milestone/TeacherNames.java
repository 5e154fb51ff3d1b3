package io.milestones.notifier.milestone;

import java.sql.Timestamp;
import java.time.Clock;
import java.util.Optional;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

/**
 * The {@code teacher_names} table: the one place the notifier keeps a teacher's name, read when a
 * mail is rendered (never cached), deleted on erasure.
 */
@Repository
public class TeacherNames {

    private final JdbcTemplate jdbc;
    private final Clock clock;

    TeacherNames(JdbcTemplate jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    /** Records the latest name and consent of {@code teacherId}; idempotent. */
    public void save(String teacherId, String displayName, boolean publicName) {
        Timestamp now = Timestamp.from(clock.instant());
        int updated =
                jdbc.update(
                        "update teacher_names set display_name = ?, public_name = ?, updated_at = ?"
                                + " where teacher_id = ?",
                        displayName,
                        publicName,
                        now,
                        teacherId);
        if (updated == 0) {
            jdbc.update(
                    "insert into teacher_names (teacher_id, display_name, public_name, updated_at)"
                            + " values (?, ?, ?, ?)",
                    teacherId,
                    displayName,
                    publicName,
                    now);
        }
    }

    public Optional<TeacherName> find(String teacherId) {
        return jdbc
                .query(
                        "select display_name, public_name from teacher_names where teacher_id = ?",
                        (rs, n) ->
                                new TeacherName(
                                        rs.getString("display_name"), rs.getBoolean("public_name")),
                        teacherId)
                .stream()
                .findFirst();
    }

    /** Erasure: the name goes. */
    public void delete(String teacherId) {
        jdbc.update("delete from teacher_names where teacher_id = ?", teacherId);
    }
}
