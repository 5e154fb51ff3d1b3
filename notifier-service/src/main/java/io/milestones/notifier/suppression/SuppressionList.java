package io.milestones.notifier.suppression;

import io.milestones.notifier.subscription.Emails;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

/**
 * The addresses never mailed again, keyed by {@link AddressHash}. The fan-out leaves them out and
 * the senders check again right before sending.
 */
@Repository
public class SuppressionList {

    private static final int MAX_DETAIL = 500;

    private final JdbcTemplate jdbc;
    private final Clock clock;

    SuppressionList(JdbcTemplate jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    public boolean isSuppressed(String address) {
        Integer found =
                jdbc.queryForObject(
                        "select count(*) from suppressions where address_hash = ?",
                        Integer.class,
                        AddressHash.of(address));
        return found != null && found > 0;
    }

    /** Those of {@code addresses} that are suppressed: one query per fan-out chunk. */
    public Set<String> suppressedAmong(Collection<String> addresses) {
        if (addresses.isEmpty()) {
            return Set.of();
        }
        Map<String, String> byHash = new HashMap<>();
        addresses.forEach(address -> byHash.put(AddressHash.of(address), address));
        String[] hashes = byHash.keySet().toArray(String[]::new);
        Set<String> suppressed = new HashSet<>();
        // one array parameter, not an IN list: H2 walks every statement a session has cached on
        // each update, and a list of hundreds of parameters slowed every one of the senders'
        jdbc.query(
                "select address_hash from suppressions where address_hash = any(?)",
                statement ->
                        statement.setArray(
                                1, statement.getConnection().createArrayOf("varchar", hashes)),
                rs -> {
                    suppressed.add(byHash.get(rs.getString(1)));
                });
        return suppressed;
    }

    /** Adds {@code address}; false when it was suppressed already (the first reason stays). */
    boolean add(String address, SuppressionReason reason, String source, String detail) {
        try {
            jdbc.update(
                    "insert into suppressions (address_hash, address, reason, source, detail,"
                            + " created_at) values (?, ?, ?, ?, ?, ?)",
                    AddressHash.of(address),
                    Emails.normalise(address),
                    reason.name(),
                    source,
                    truncate(Emails.maskAll(detail)),
                    Timestamp.from(clock.instant()));
            return true;
        } catch (DuplicateKeyException already) {
            return false;
        }
    }

    Optional<Suppression> find(String addressHash) {
        return jdbc
                .query(
                        "select * from suppressions where address_hash = ?",
                        SuppressionList::row,
                        addressHash)
                .stream()
                .findFirst();
    }

    /** Newest first. */
    List<Suppression> page(int page, int size) {
        return jdbc.query(
                "select * from suppressions order by created_at desc, address_hash"
                        + " offset ? rows fetch next ? rows only",
                SuppressionList::row,
                (long) page * size,
                size);
    }

    long count() {
        Long count = jdbc.queryForObject("select count(*) from suppressions", Long.class);
        return count == null ? 0 : count;
    }

    /** Ops lift a suppression (the address was fixed, the complaint was a mistake). */
    boolean lift(String addressHash) {
        jdbc.update("delete from soft_bounces where address_hash = ?", addressHash);
        return jdbc.update("delete from suppressions where address_hash = ?", addressHash) > 0;
    }

    /** Erasure: the address goes, its hash stays, so it stays suppressed. */
    void forget(String address) {
        jdbc.update(
                "update suppressions set address = null where address_hash = ?",
                AddressHash.of(address));
    }

    /**
     * Records one soft bounce (once per {@code eventId}) and answers how many there were since
     * {@code since}.
     */
    int softBounce(String address, String eventId, Instant since) {
        String hash = AddressHash.of(address);
        try {
            jdbc.update(
                    "insert into soft_bounces (address_hash, bounce_key, occurred_at)"
                            + " values (?, ?, ?)",
                    hash,
                    eventId,
                    Timestamp.from(clock.instant()));
        } catch (DuplicateKeyException counted) {
            // the same delivery soft-bounced again (a retry): it counts once
        }
        Integer count =
                jdbc.queryForObject(
                        "select count(*) from soft_bounces where address_hash = ?"
                                + " and occurred_at >= ?",
                        Integer.class,
                        hash,
                        Timestamp.from(since));
        return count == null ? 0 : count;
    }

    private static Suppression row(ResultSet rs, int i) throws SQLException {
        return new Suppression(
                rs.getString("address_hash"),
                Emails.mask(rs.getString("address")),
                SuppressionReason.valueOf(rs.getString("reason")),
                rs.getString("source"),
                rs.getString("detail"),
                rs.getTimestamp("created_at").toInstant());
    }

    private static String truncate(String text) {
        return text == null || text.length() <= MAX_DETAIL ? text : text.substring(0, MAX_DETAIL);
    }
}
