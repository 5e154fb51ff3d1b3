package io.milestones.notifier.delivery;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/** What became of an e-mail after it left: a bounce or complaint marks its delivery row. */
@Component
public class DeliveryOutcomes {

    private final JdbcTemplate jdbc;

    DeliveryOutcomes(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * Marks the e-mail of {@code milestoneId} to {@code recipient} as bounced ({@code HARD}, {@code
     * SOFT}) or complained about ({@code COMPLAINT}); a complaint is never overwritten.
     */
    public void bounced(String milestoneId, String recipient, String type) {
        jdbc.update(
                "update deliveries set bounce = ? where milestone_id = ? and channel = ?"
                        + " and recipient = ? and (bounce is null or bounce <> 'COMPLAINT')",
                type,
                milestoneId,
                Channel.EMAIL.name(),
                recipient);
    }
}
