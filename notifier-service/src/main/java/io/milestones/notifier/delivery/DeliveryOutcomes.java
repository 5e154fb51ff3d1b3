package io.milestones.notifier.delivery;

import java.util.Optional;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/** What became of an e-mail after it left: a bounce or complaint marks its delivery row. */
@Component
public class DeliveryOutcomes {

    private final JdbcTemplate jdbc;

    DeliveryOutcomes(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** An e-mail delivery: which milestone went to which address. */
    public record EmailDelivery(String milestoneId, String recipient) {}

    /** The e-mail delivery whose envelope sender carried {@code returnToken} (VERP). */
    public Optional<EmailDelivery> byReturnToken(String returnToken) {
        return jdbc
                .query(
                        "select milestone_id, recipient from deliveries where return_token = ?"
                                + " and channel = ?",
                        (rs, i) -> new EmailDelivery(rs.getString(1), rs.getString(2)),
                        returnToken,
                        Channel.EMAIL.name())
                .stream()
                .findFirst();
    }

    /** Whether an e-mail of {@code milestoneId} went (or was to go) to {@code recipient}. */
    public boolean exists(String milestoneId, String recipient) {
        Integer found =
                jdbc.queryForObject(
                        "select count(*) from deliveries where milestone_id = ? and channel = ?"
                                + " and recipient = ?",
                        Integer.class,
                        milestoneId,
                        Channel.EMAIL.name(),
                        recipient);
        return found != null && found > 0;
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
