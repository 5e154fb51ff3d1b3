package io.milestones.notifier.milestone;

import io.milestones.events.CrossedBy;
import io.milestones.events.MilestoneReached;
import io.milestones.events.Scope;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

/**
 * Milestones that were celebrated. Fan-out records each one before it produces requests, so that
 * senders can render a request from its milestone id alone, and a consenting teacher whose
 * registration arrives after their own milestone still gets the personal note.
 */
@Repository
public class MilestoneArchive {

    private final JdbcTemplate jdbc;
    private final Clock clock;

    MilestoneArchive(JdbcTemplate jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    /** Records {@code milestone}; recording it again (a redelivery) changes nothing. */
    public void record(MilestoneReached milestone) {
        try {
            jdbc.update(
                    "insert into celebrated_milestones (milestone_id, scope, threshold,"
                            + " reached_count, reached_at, detected_at, crossed_by_teacher_id,"
                            + " crossed_by_country, crossed_by_name, recorded_at)"
                            + " values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                    milestone.milestoneId(),
                    milestone.scope().id(),
                    milestone.threshold(),
                    milestone.count(),
                    Timestamp.from(milestone.reachedAt()),
                    Timestamp.from(milestone.detectedAt()),
                    milestone.crossedBy().teacherId(),
                    milestone.crossedBy().country(),
                    // never a name: it is looked up in teacher_names when a mail is rendered
                    null,
                    Timestamp.from(clock.instant()));
        } catch (DuplicateKeyException recordedBefore) {
            // a redelivered milestone: the first record stands
        }
    }

    public Optional<MilestoneReached> find(String milestoneId) {
        return jdbc
                .query(
                        "select * from celebrated_milestones where milestone_id = ?",
                        MilestoneArchive::map,
                        milestoneId)
                .stream()
                .findFirst();
    }

    /** Milestones any of {@code teacherIds} crossed; one query per thousand teachers. */
    public List<MilestoneReached> crossedBy(java.util.Collection<String> teacherIds) {
        List<String> all = List.copyOf(teacherIds);
        List<MilestoneReached> crossed = new java.util.ArrayList<>();
        for (int from = 0; from < all.size(); from += 1_000) {
            List<String> chunk = all.subList(from, Math.min(all.size(), from + 1_000));
            crossed.addAll(
                    jdbc.query(
                            "select * from celebrated_milestones where crossed_by_teacher_id in ("
                                    + String.join(
                                            ", ", java.util.Collections.nCopies(chunk.size(), "?"))
                                    + ")",
                            MilestoneArchive::map,
                            chunk.toArray()));
        }
        return crossed;
    }

    /** Milestones reached at or after {@code instant}, as fanned out. */
    public List<MilestoneReached> reachedSince(java.time.Instant instant) {
        return jdbc.query(
                "select * from celebrated_milestones where reached_at >= ?",
                MilestoneArchive::map,
                Timestamp.from(instant));
    }

    /** Erasure: the milestone stays, the name of who crossed it goes. */
    public void eraseName(String teacherId) {
        jdbc.update(
                "update celebrated_milestones set crossed_by_name = null"
                        + " where crossed_by_teacher_id = ?",
                teacherId);
    }

    private static MilestoneReached map(ResultSet rs, int row) throws SQLException {
        return new MilestoneReached(
                rs.getString("milestone_id"),
                Scope.fromId(rs.getString("scope")),
                rs.getLong("threshold"),
                rs.getLong("reached_count"),
                rs.getTimestamp("reached_at").toInstant(),
                rs.getTimestamp("detected_at").toInstant(),
                new CrossedBy(
                        rs.getString("crossed_by_teacher_id"),
                        rs.getString("crossed_by_country"),
                        rs.getString("crossed_by_name")));
    }
}
