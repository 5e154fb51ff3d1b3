package io.milestones.notifier.webhooks;

import java.sql.Timestamp;
import java.time.Clock;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

/** Provider events already handled: a replayed event is recognised and changes nothing. */
@Repository
class WebhookEvents {

    private final JdbcTemplate jdbc;
    private final Clock clock;

    WebhookEvents(JdbcTemplate jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    /** True the first time {@code provider} reports {@code eventId}; false for a replay. */
    boolean first(String provider, String eventId) {
        try {
            jdbc.update(
                    "insert into webhook_events (provider, event_id, received_at) values (?, ?, ?)",
                    provider,
                    eventId,
                    Timestamp.from(clock.instant()));
            return true;
        } catch (DuplicateKeyException replay) {
            return false;
        }
    }
}
