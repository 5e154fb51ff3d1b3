package io.milestones.registration.outbox;

import io.milestones.events.CloudEvent;
import io.milestones.events.EventJson;
import io.milestones.events.EventType;
import java.nio.charset.StandardCharsets;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

/** SQL of the {@code outbox_event} table. */
@Repository
class OutboxRows {

    private static final String INSERT =
            "INSERT INTO outbox_event (event_id, topic, event_key, event_type, source, event_time,"
                    + " payload, created_at, trace_parent) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)";

    private static final String TOMBSTONE = "null";

    private final JdbcTemplate jdbc;
    private final TraceParents traces;

    OutboxRows(JdbcTemplate jdbc, TraceParents traces) {
        this.jdbc = jdbc;
        this.traces = traces;
    }

    void insert(List<OutgoingEvent> events, Instant now) {
        String traceParent = traces.current();
        jdbc.batchUpdate(
                INSERT,
                events,
                events.size(),
                (ps, event) -> {
                    CloudEvent ce = event.cloudEvent();
                    ps.setString(1, ce.id());
                    ps.setString(2, event.topic());
                    ps.setString(3, event.key());
                    ps.setString(4, ce.type().ceType());
                    ps.setString(5, ce.source());
                    ps.setObject(6, utc(ce.time()));
                    // a tombstone is stored as the JSON literal null and sent as a null value
                    ps.setString(
                            7,
                            event.payload() == null
                                    ? TOMBSTONE
                                    : new String(EventJson.write(event.payload()), UTF8));
                    ps.setObject(8, utc(now));
                    ps.setString(9, traceParent);
                });
    }

    int dropPending(String key, EventType type) {
        return jdbc.update(
                "DELETE FROM outbox_event WHERE event_key = ? AND event_type = ?",
                key,
                type.ceType());
    }

    /** Takes the relay lock until the current transaction ends; waits while another holds it. */
    void lockRelay() {
        jdbc.queryForObject(
                "SELECT id FROM outbox_relay_lock WHERE id = 1 FOR UPDATE", Integer.class);
    }

    List<PendingEvent> oldest(int limit) {
        return jdbc.query(
                "SELECT id, event_id, topic, event_key, event_type, source, event_time, payload,"
                        + " created_at, trace_parent FROM outbox_event ORDER BY id LIMIT ?",
                OutboxRows::pending,
                limit);
    }

    void delete(List<Long> ids) {
        jdbc.batchUpdate(
                "DELETE FROM outbox_event WHERE id = ?",
                ids,
                ids.size(),
                (ps, id) -> ps.setLong(1, id));
    }

    /** How many events wait, and since when the oldest. */
    Backlog backlog() {
        return jdbc.queryForObject(
                "SELECT COUNT(*), MIN(created_at) FROM outbox_event",
                (rs, n) ->
                        new Backlog(
                                rs.getLong(1),
                                Optional.ofNullable(rs.getObject(2, OffsetDateTime.class))
                                        .map(OffsetDateTime::toInstant)));
    }

    private static PendingEvent pending(ResultSet rs, int n) throws SQLException {
        EventType type =
                EventType.ofCeType(rs.getString("event_type"))
                        .orElseThrow(() -> new IllegalStateException("unknown event type"));
        return new PendingEvent(
                rs.getLong("id"),
                new CloudEvent(
                        rs.getString("event_id"),
                        rs.getString("source"),
                        type,
                        rs.getObject("event_time", OffsetDateTime.class).toInstant()),
                rs.getString("topic"),
                rs.getString("event_key"),
                TOMBSTONE.equals(rs.getString("payload"))
                        ? null
                        : rs.getString("payload").getBytes(UTF8),
                rs.getObject("created_at", OffsetDateTime.class).toInstant(),
                rs.getString("trace_parent"));
    }

    private static OffsetDateTime utc(Instant instant) {
        return instant.atOffset(ZoneOffset.UTC);
    }

    private static final java.nio.charset.Charset UTF8 = StandardCharsets.UTF_8;

    /**
     * @param events events waiting
     * @param oldest when the oldest was written, if any waits
     */
    record Backlog(long events, Optional<Instant> oldest) {}
}
