package io.milestones.notifier.suppression;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * {@code milestones_mail_bounce_rate} and {@code milestones_mail_complaint_rate}: the share of the
 * e-mails attempted in the last 24 hours that bounced (hard or soft) or were reported as spam — the
 * numbers mailbox providers judge a sender by (about 2 % and 0.3 %). Read from the deliveries
 * table, so every instance reports the same value and a restart loses nothing; computed at most
 * once a minute.
 */
@Component
class DeliverabilityGauges {

    private static final Duration WINDOW = Duration.ofHours(24);
    private static final Duration REFRESH = Duration.ofMinutes(1);

    private final JdbcTemplate jdbc;
    private final Clock clock;
    private volatile Rates rates = new Rates(0, 0, Instant.MIN);

    DeliverabilityGauges(JdbcTemplate jdbc, Clock clock, MeterRegistry meters) {
        this.jdbc = jdbc;
        this.clock = clock;
        Gauge.builder("milestones.mail.bounce.rate", this, g -> g.current().bounce())
                .description("Share of e-mails attempted in the last 24 h that bounced")
                .register(meters);
        Gauge.builder("milestones.mail.complaint.rate", this, g -> g.current().complaint())
                .description("Share of e-mails attempted in the last 24 h reported as spam")
                .register(meters);
    }

    private Rates current() {
        Rates known = rates;
        Instant now = clock.instant();
        if (known.at().plus(REFRESH).isAfter(now)) {
            return known;
        }
        long[] counts = new long[3];
        jdbc.query(
                "select count(*), sum(case when bounce in ('HARD', 'SOFT') then 1 else 0 end),"
                        + " sum(case when bounce = 'COMPLAINT' then 1 else 0 end)"
                        + " from deliveries where channel = 'EMAIL' and status in ('SENT', 'FAILED')"
                        + " and updated_at >= ?",
                rs -> {
                    counts[0] = rs.getLong(1);
                    counts[1] = rs.getLong(2);
                    counts[2] = rs.getLong(3);
                },
                Timestamp.from(now.minus(WINDOW)));
        Rates fresh =
                counts[0] == 0
                        ? new Rates(0, 0, now)
                        : new Rates(
                                (double) counts[1] / counts[0],
                                (double) counts[2] / counts[0],
                                now);
        rates = fresh;
        return fresh;
    }

    private record Rates(double bounce, double complaint, Instant at) {}
}
