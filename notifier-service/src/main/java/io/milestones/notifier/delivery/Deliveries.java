package io.milestones.notifier.delivery;

import io.milestones.notifier.links.ReturnTokens;
import java.sql.Timestamp;
import java.time.Clock;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

/**
 * The deliveries table, keyed (milestone_id, channel, recipient). Every statement commits on its
 * own: a claim is visible before the send, SENT right after it.
 */
@Repository
class Deliveries {

    private static final int MAX_ERROR = 1000;

    private final JdbcTemplate jdbc;
    private final Clock clock;
    private final ReturnTokens returnTokens;

    Deliveries(JdbcTemplate jdbc, Clock clock, ReturnTokens returnTokens) {
        this.jdbc = jdbc;
        this.clock = clock;
        this.returnTokens = returnTokens;
    }

    /**
     * Claims the delivery of {@code request} for one attempt: inserts it PENDING, or counts one
     * more attempt on a PENDING row (a retry, or a redelivery after a crash). False when it is SENT
     * or FAILED already: nothing to do.
     */
    boolean claim(NotificationRequest request) {
        Timestamp now = Timestamp.from(clock.instant());
        try {
            jdbc.update(
                    "insert into deliveries (milestone_id, channel, recipient, status, attempts,"
                            + " created_at, updated_at, return_token)"
                            + " values (?, ?, ?, ?, 1, ?, ?, ?)",
                    request.milestoneId(),
                    request.channel().name(),
                    request.recipient(),
                    DeliveryStatus.PENDING.name(),
                    now,
                    now,
                    request.channel() == Channel.EMAIL
                            ? returnTokens.token(request.milestoneId(), request.recipient())
                            : null);
            return true;
        } catch (DuplicateKeyException exists) {
            return jdbc.update(
                            "update deliveries set attempts = attempts + 1, updated_at = ?"
                                    + " where milestone_id = ? and channel = ? and recipient = ?"
                                    + " and status = ?",
                            now,
                            request.milestoneId(),
                            request.channel().name(),
                            request.recipient(),
                            DeliveryStatus.PENDING.name())
                    > 0;
        }
    }

    /**
     * The address is suppressed: recorded SUPPRESSED (inserted, or a PENDING row of an earlier
     * attempt closed), so the status API counts it and a redelivery does nothing.
     */
    void suppressed(NotificationRequest request) {
        Timestamp now = Timestamp.from(clock.instant());
        try {
            jdbc.update(
                    "insert into deliveries (milestone_id, channel, recipient, status, attempts,"
                            + " created_at, updated_at) values (?, ?, ?, ?, 0, ?, ?)",
                    request.milestoneId(),
                    request.channel().name(),
                    request.recipient(),
                    DeliveryStatus.SUPPRESSED.name(),
                    now,
                    now);
        } catch (DuplicateKeyException exists) {
            jdbc.update(
                    "update deliveries set status = ?, updated_at = ? where milestone_id = ?"
                            + " and channel = ? and recipient = ? and status = ?",
                    DeliveryStatus.SUPPRESSED.name(),
                    now,
                    request.milestoneId(),
                    request.channel().name(),
                    request.recipient(),
                    DeliveryStatus.PENDING.name());
        }
    }

    void sent(NotificationRequest request) {
        finish(request, DeliveryStatus.SENT, null);
    }

    void failed(NotificationRequest request, String error) {
        finish(request, DeliveryStatus.FAILED, error);
    }

    /** A transient failure: stays PENDING, the error is kept for ops. */
    void retrying(NotificationRequest request, String error) {
        jdbc.update(
                "update deliveries set last_error = ?, updated_at = ?"
                        + " where milestone_id = ? and channel = ? and recipient = ?",
                truncate(error),
                Timestamp.from(clock.instant()),
                request.milestoneId(),
                request.channel().name(),
                request.recipient());
    }

    /** Erasure: the address in past deliveries becomes a pseudonym. */
    void pseudonymise(String recipient, String pseudonym) {
        jdbc.update(
                "update deliveries set recipient = ? where recipient = ?", pseudonym, recipient);
    }

    private void finish(NotificationRequest request, DeliveryStatus status, String error) {
        jdbc.update(
                "update deliveries set status = ?, last_error = ?, updated_at = ?"
                        + " where milestone_id = ? and channel = ? and recipient = ?",
                status.name(),
                truncate(error),
                Timestamp.from(clock.instant()),
                request.milestoneId(),
                request.channel().name(),
                request.recipient());
    }

    private static String truncate(String error) {
        return error == null || error.length() <= MAX_ERROR ? error : error.substring(0, MAX_ERROR);
    }
}
