package io.milestones.notifier.delivery;

import io.milestones.notifier.social.SocialDeliveries;
import io.milestones.notifier.social.SocialDelivery;
import io.milestones.notifier.social.SocialDeliveryStatus;
import io.milestones.notifier.social.SocialPublisher;
import java.sql.Timestamp;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.springframework.context.annotation.Primary;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

/**
 * Social posts in the deliveries table like e-mails: channel = the network, recipient = the
 * account, reference = the post's URL (or id). A post recorded POSTED is never published again.
 * Every enabled network must have its {@link Channel}, else its posts could never be recorded (nor
 * published): the service refuses to start naming the network.
 */
@Repository
@Primary
class TableSocialDeliveries implements SocialDeliveries {

    private final JdbcTemplate jdbc;
    private final DeliveryMetrics metrics;

    TableSocialDeliveries(
            JdbcTemplate jdbc, DeliveryMetrics metrics, List<SocialPublisher> publishers) {
        this.jdbc = jdbc;
        this.metrics = metrics;
        for (SocialPublisher publisher : publishers) {
            checkChannel(publisher.network());
        }
    }

    /** Fails start-up when {@code network} has no {@link Channel} to record its deliveries. */
    static void checkChannel(String network) {
        try {
            channel(network);
        } catch (IllegalArgumentException e) {
            throw new IllegalStateException(
                    "Social network '"
                            + network
                            + "' is enabled but has no delivery channel (add "
                            + network.toUpperCase(Locale.ROOT)
                            + " to "
                            + Channel.class.getName()
                            + ")",
                    e);
        }
    }

    @Override
    public Optional<SocialDelivery> find(String milestoneId, String network) {
        return jdbc
                .query(
                        "select recipient, status, attempts, reference, last_error, updated_at"
                                + " from deliveries where milestone_id = ? and channel = ?",
                        (rs, n) ->
                                new SocialDelivery(
                                        milestoneId,
                                        network,
                                        rs.getString("recipient"),
                                        socialStatus(rs.getString("status")),
                                        rs.getInt("attempts"),
                                        null,
                                        rs.getString("reference"),
                                        rs.getString("last_error"),
                                        rs.getTimestamp("updated_at").toInstant()),
                        milestoneId,
                        channel(network).name())
                .stream()
                .findFirst();
    }

    @Override
    public void record(SocialDelivery delivery) {
        Channel channel = channel(delivery.network());
        String status = tableStatus(delivery.status()).name();
        String reference = delivery.postUrl() != null ? delivery.postUrl() : delivery.postId();
        Timestamp at = Timestamp.from(delivery.updatedAt());
        try {
            jdbc.update(
                    "insert into deliveries (milestone_id, channel, recipient, status, attempts,"
                            + " last_error, reference, created_at, updated_at)"
                            + " values (?, ?, ?, ?, ?, ?, ?, ?, ?)",
                    delivery.milestoneId(),
                    channel.name(),
                    delivery.account(),
                    status,
                    delivery.attempts(),
                    delivery.lastError(),
                    reference,
                    at,
                    at);
        } catch (DuplicateKeyException exists) {
            jdbc.update(
                    "update deliveries set status = ?, attempts = ?, last_error = ?,"
                            + " reference = coalesce(?, reference), updated_at = ?"
                            + " where milestone_id = ? and channel = ? and recipient = ?",
                    status,
                    delivery.attempts(),
                    delivery.lastError(),
                    reference,
                    at,
                    delivery.milestoneId(),
                    channel.name(),
                    delivery.account());
        }
        if (delivery.status() == SocialDeliveryStatus.POSTED) {
            metrics.sent(channel);
        } else if (delivery.status() == SocialDeliveryStatus.FAILED) {
            metrics.failed(channel);
        }
    }

    @Override
    public boolean claim(SocialDelivery delivery, int expectedAttempts) {
        return jdbc.update(
                        "update deliveries set status = ?, attempts = ?, last_error = ?,"
                                + " updated_at = ? where milestone_id = ? and channel = ?"
                                + " and recipient = ? and status = ? and attempts = ?",
                        tableStatus(delivery.status()).name(),
                        delivery.attempts(),
                        delivery.lastError(),
                        Timestamp.from(delivery.updatedAt()),
                        delivery.milestoneId(),
                        channel(delivery.network()).name(),
                        delivery.account(),
                        DeliveryStatus.PENDING.name(),
                        expectedAttempts)
                == 1;
    }

    @Override
    public List<String> pending(String network, String lastErrorPrefix) {
        return jdbc.queryForList(
                "select milestone_id from deliveries where channel = ? and status = ?"
                        + " and last_error like ? order by milestone_id",
                String.class,
                channel(network).name(),
                DeliveryStatus.PENDING.name(),
                lastErrorPrefix.replace("%", "\\%").replace("_", "\\_") + "%");
    }

    private static Channel channel(String network) {
        return Channel.valueOf(network.toUpperCase(Locale.ROOT));
    }

    private static DeliveryStatus tableStatus(SocialDeliveryStatus status) {
        return switch (status) {
            case POSTED -> DeliveryStatus.SENT;
            case FAILED -> DeliveryStatus.FAILED;
            case PENDING -> DeliveryStatus.PENDING;
        };
    }

    private static SocialDeliveryStatus socialStatus(String status) {
        return switch (DeliveryStatus.valueOf(status)) {
            case SENT -> SocialDeliveryStatus.POSTED;
            case FAILED -> SocialDeliveryStatus.FAILED;
            default -> SocialDeliveryStatus.PENDING;
        };
    }
}
