package io.milestones.ops.suppressions;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Who lifted which suppression, when and why. */
@Repository
class SuppressionAudit {

    private final JdbcClient jdbc;

    SuppressionAudit(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    void record(Entry entry) {
        jdbc.sql(
                        """
                        INSERT INTO suppression_audit (lifted_at, actor, address_hash,
                            masked_address, suppression_reason, reason)
                        VALUES (?, ?, ?, ?, ?, ?)
                        """)
                .params(
                        Timestamp.from(entry.liftedAt()),
                        entry.actor(),
                        entry.addressHash(),
                        entry.maskedAddress(),
                        entry.suppressionReason(),
                        entry.reason())
                .update();
    }

    List<Entry> latest(int size) {
        return jdbc.sql(
                        """
                        SELECT * FROM suppression_audit ORDER BY lifted_at DESC, id DESC
                        FETCH FIRST ? ROWS ONLY
                        """)
                .params(size)
                .query(
                        (rs, n) ->
                                new Entry(
                                        rs.getTimestamp("lifted_at").toInstant(),
                                        rs.getString("actor"),
                                        rs.getString("address_hash"),
                                        rs.getString("masked_address"),
                                        rs.getString("suppression_reason"),
                                        rs.getString("reason")))
                .list();
    }

    /**
     * @param liftedAt when
     * @param actor who (the authenticated admin)
     * @param addressHash the entry's key
     * @param maskedAddress the address as the notifier showed it (masked), or {@code null}
     * @param suppressionReason why it had been suppressed (HARD_BOUNCE, COMPLAINT, …)
     * @param reason why it was lifted, as the operator said
     */
    record Entry(
            Instant liftedAt,
            String actor,
            String addressHash,
            String maskedAddress,
            String suppressionReason,
            String reason) {}
}
