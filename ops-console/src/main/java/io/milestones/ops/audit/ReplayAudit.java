package io.milestones.ops.audit;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The audit log of dead-letter replays. */
@Repository
public class ReplayAudit {

    private final JdbcClient jdbc;

    ReplayAudit(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public void record(Entry entry) {
        jdbc.sql(
                        """
                        INSERT INTO replay_audit (replayed_at, actor, dead_letter_topic,
                            dead_letter_partition, dead_letter_offset, target_topic,
                            target_partition, target_offset, value_changed, reason)
                        VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                        """)
                .params(
                        Timestamp.from(entry.replayedAt()),
                        entry.actor(),
                        entry.deadLetterTopic(),
                        entry.deadLetterPartition(),
                        entry.deadLetterOffset(),
                        entry.targetTopic(),
                        entry.targetPartition(),
                        entry.targetOffset(),
                        entry.valueChanged(),
                        entry.reason())
                .update();
    }

    /** Whether this dead letter was replayed before. */
    public boolean replayed(String topic, int partition, long offset) {
        return jdbc.sql(
                                """
                                SELECT COUNT(*) FROM replay_audit WHERE dead_letter_topic = ?
                                  AND dead_letter_partition = ? AND dead_letter_offset = ?
                                """)
                        .params(topic, partition, offset)
                        .query(Long.class)
                        .single()
                > 0;
    }

    /** A page of the log, newest first. */
    public List<Entry> page(int page, int size) {
        return jdbc.sql(
                        """
                        SELECT * FROM replay_audit ORDER BY replayed_at DESC, id DESC
                        OFFSET ? ROWS FETCH NEXT ? ROWS ONLY
                        """)
                .params((long) page * size, size)
                .query(
                        (rs, n) ->
                                new Entry(
                                        rs.getTimestamp("replayed_at").toInstant(),
                                        rs.getString("actor"),
                                        rs.getString("dead_letter_topic"),
                                        rs.getInt("dead_letter_partition"),
                                        rs.getLong("dead_letter_offset"),
                                        rs.getString("target_topic"),
                                        rs.getInt("target_partition"),
                                        rs.getLong("target_offset"),
                                        rs.getBoolean("value_changed"),
                                        rs.getString("reason")))
                .list();
    }

    /**
     * @param replayedAt when
     * @param actor who (the authenticated admin)
     * @param deadLetterTopic the DLT
     * @param deadLetterPartition its partition
     * @param deadLetterOffset its offset
     * @param targetTopic where it was replayed to
     * @param targetPartition the partition written
     * @param targetOffset the offset written
     * @param valueChanged whether ops supplied a corrected value
     * @param reason why, as the operator said
     */
    public record Entry(
            Instant replayedAt,
            String actor,
            String deadLetterTopic,
            int deadLetterPartition,
            long deadLetterOffset,
            String targetTopic,
            int targetPartition,
            long targetOffset,
            boolean valueChanged,
            String reason) {}
}
