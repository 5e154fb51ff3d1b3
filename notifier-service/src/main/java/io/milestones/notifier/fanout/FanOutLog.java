package io.milestones.notifier.fanout;

import io.milestones.notifier.delivery.Channel;
import java.sql.Timestamp;
import java.time.Clock;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

/** How many requests each fan-out produced (the status API's "requested"). */
@Repository
class FanOutLog {

    private final JdbcTemplate jdbc;
    private final Clock clock;

    FanOutLog(JdbcTemplate jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    /**
     * A re-run fan-out (after a rollback) overwrites the count of the aborted one. {@code
     * suppressed}: audience members left out because they are on the suppression list.
     */
    void completed(String milestoneId, Channel channel, long requests, long suppressed) {
        Timestamp now = Timestamp.from(clock.instant());
        int updated =
                jdbc.update(
                        "update fan_outs set requests = ?, suppressed = ?, completed_at = ?"
                                + " where milestone_id = ? and channel = ?",
                        requests,
                        suppressed,
                        now,
                        milestoneId,
                        channel.name());
        if (updated == 0) {
            jdbc.update(
                    "insert into fan_outs (milestone_id, channel, requests, suppressed,"
                            + " completed_at) values (?, ?, ?, ?, ?)",
                    milestoneId,
                    channel.name(),
                    requests,
                    suppressed,
                    now);
        }
    }
}
