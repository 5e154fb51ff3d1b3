package io.milestones.notifier.milestone;

import java.sql.Timestamp;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

/**
 * The {@code teacher_names} table: the one place the notifier keeps a teacher's name, read when a
 * mail is rendered (never cached), deleted on erasure.
 */
@Repository
public class TeacherNames {

    private static final int CHUNK = 1_000;

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

    /**
     * The names of a batch of contact records at once: every teacher of {@code names} ends with the
     * name given, or none where it is {@code null}. One delete and one multi-row insert per
     * thousand teachers, in the caller's transaction.
     */
    public void replaceAll(Map<String, TeacherName> names) {
        Timestamp now = Timestamp.from(clock.instant());
        List<String> teachers = List.copyOf(names.keySet());
        for (int from = 0; from < teachers.size(); from += CHUNK) {
            List<String> chunk = teachers.subList(from, Math.min(teachers.size(), from + CHUNK));
            jdbc.update(
                    "delete from teacher_names where teacher_id in ("
                            + String.join(", ", Collections.nCopies(chunk.size(), "?"))
                            + ")",
                    chunk.toArray());
            List<Object> args = new ArrayList<>();
            for (String teacher : chunk) {
                TeacherName name = names.get(teacher);
                if (name != null) {
                    args.addAll(List.of(teacher, name.displayName(), name.publicName(), now));
                }
            }
            if (!args.isEmpty()) {
                jdbc.update(
                        "insert into teacher_names (teacher_id, display_name, public_name,"
                                + " updated_at) values "
                                + String.join(
                                        ", ", Collections.nCopies(args.size() / 4, "(?, ?, ?, ?)")),
                        args.toArray());
            }
        }
    }

    /** Erasure: the name goes. */
    public void delete(String teacherId) {
        jdbc.update("delete from teacher_names where teacher_id = ?", teacherId);
    }
}
