package io.milestones.notifier.delivery;

import io.milestones.notifier.links.ReturnTokens;
import io.milestones.notifier.subscription.Emails;
import java.sql.Timestamp;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DataAccessException;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.PreparedStatementSetter;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The deliveries table, keyed (milestone_id, channel, recipient). A claim is committed before the
 * send — one request's on its own, or a whole poll's in one transaction ({@link #claimAll}) — and
 * the SENT mark is committed on its own right after the send ({@link SentMarks}, folded into this
 * table per poll): a crash between the server's acceptance and that commit repeats at most the one
 * e-mail per sender thread that was in flight. A PENDING row with a mark counts as sent.
 */
@Repository
class Deliveries {

    private static final Logger log = LoggerFactory.getLogger(Deliveries.class);

    private static final int MAX_ERROR = 1000;

    private final JdbcTemplate jdbc;
    private final Clock clock;
    private final ReturnTokens returnTokens;
    private final TransactionTemplate transaction;
    private final SentMarks marks;

    Deliveries(
            JdbcTemplate jdbc,
            Clock clock,
            ReturnTokens returnTokens,
            PlatformTransactionManager transactions,
            SentMarks marks) {
        this.jdbc = jdbc;
        this.clock = clock;
        this.returnTokens = returnTokens;
        this.transaction = new TransactionTemplate(transactions);
        this.marks = marks;
    }

    /** A delivery's key: (milestone, channel, recipient). */
    record Key(String milestoneId, Channel channel, String recipient) {
        static Key of(NotificationRequest request) {
            return new Key(request.milestoneId(), request.channel(), request.recipient());
        }
    }

    /**
     * Claims the deliveries of one poll in one transaction, with the same outcome per request as
     * {@link #claim}: true for a request claimed for one attempt (inserted PENDING, or one more
     * attempt counted on its PENDING row), false for one SENT, FAILED or SUPPRESSED before (or
     * PENDING with a SENT mark not yet folded). A request named twice is claimed once. Returns an
     * empty map when the transaction fails (another sender inserted one of the rows meanwhile,
     * say): the caller then claims request by request.
     */
    Map<Key, Boolean> claimAll(List<NotificationRequest> requests) {
        Map<Key, NotificationRequest> byKey = new LinkedHashMap<>();
        requests.forEach(request -> byKey.putIfAbsent(Key.of(request), request));
        if (byKey.isEmpty()) {
            return Map.of();
        }
        try {
            Map<Key, Boolean> claimed = transaction.execute(status -> claimInOne(byKey));
            return claimed == null ? Map.of() : claimed;
        } catch (DuplicateKeyException raced) {
            // another sender claimed one of them meanwhile (a rebalance): nothing to worry about
            log.debug("Claiming {} deliveries at once raced; one by one", byKey.size());
            return Map.of();
        } catch (DataAccessException e) {
            // nothing lost, the listener claims one by one; but slower, so say why (masked: the
            // database's message may quote a key, which holds an address)
            log.warn(
                    "Claiming {} deliveries at once failed, claiming one by one: {}",
                    byKey.size(),
                    Emails.maskAll(String.valueOf(e.getMostSpecificCause().getMessage())));
            return Map.of();
        }
    }

    private Map<Key, Boolean> claimInOne(Map<Key, NotificationRequest> byKey) {
        Map<Key, String> existing = statuses(byKey.keySet());
        Timestamp now = Timestamp.from(clock.instant());
        List<Object[]> inserts = new ArrayList<>();
        List<Object[]> retries = new ArrayList<>();
        List<Key> retried = new ArrayList<>();
        Map<Key, Boolean> claimed = new HashMap<>();
        byKey.forEach(
                (key, request) -> {
                    String status = existing.get(key);
                    if (status == null) {
                        inserts.add(
                                new Object[] {
                                    key.milestoneId(),
                                    key.channel().name(),
                                    key.recipient(),
                                    DeliveryStatus.PENDING.name(),
                                    now,
                                    now,
                                    returnToken(request)
                                });
                        claimed.put(key, true);
                    } else if (DeliveryStatus.PENDING.name().equals(status)) {
                        retries.add(
                                new Object[] {
                                    now, key.milestoneId(), key.channel().name(), key.recipient()
                                });
                        retried.add(key);
                        claimed.put(key, true);
                    } else {
                        claimed.put(key, false);
                    }
                });
        if (!inserts.isEmpty()) {
            jdbc.batchUpdate(
                    "insert into deliveries (milestone_id, channel, recipient, status, attempts,"
                            + " created_at, updated_at, return_token)"
                            + " values (?, ?, ?, ?, 1, ?, ?, ?)",
                    inserts);
        }
        unmarked(retried, retries, claimed);
        if (!retries.isEmpty()) {
            int[] updated =
                    jdbc.batchUpdate(
                            "update deliveries set attempts = attempts + 1, updated_at = ?"
                                    + " where milestone_id = ? and channel = ? and recipient = ?"
                                    + " and status = '"
                                    + DeliveryStatus.PENDING.name()
                                    + "'",
                            retries);
            for (int i = 0; i < updated.length; i++) {
                if (updated[i] == 0) { // finished by another sender since it was read
                    claimed.put(retried.get(i), false);
                }
            }
        }
        return claimed;
    }

    /**
     * Drops from {@code retried} (and the statements' {@code retries}) the PENDING deliveries that
     * were sent with their mark not yet folded: not claimed. Only redeliveries have PENDING rows,
     * so a first send asks nothing more.
     */
    private void unmarked(List<Key> retried, List<Object[]> retries, Map<Key, Boolean> claimed) {
        Set<Key> marked = new HashSet<>();
        byMilestoneAndChannel(retried)
                .forEach(
                        (group, recipients) ->
                                marks.markedAmong(group.milestoneId(), group.channel(), recipients)
                                        .forEach(recipient -> marked.add(group.key(recipient))));
        for (int i = retried.size() - 1; i >= 0; i--) {
            if (marked.contains(retried.get(i))) {
                claimed.put(retried.remove(i), false);
                retries.remove(i);
            }
        }
    }

    /**
     * The status of those of {@code keys} that have a row: per milestone and channel, their
     * recipients as one array parameter joined to the primary key. H2 then looks each key up in the
     * index (with {@code recipient IN (…)} after the equalities it filtered every row of the
     * milestone), and the statement stays small: H2 walks every statement a session has cached on
     * each update, so a long IN list slowed every SENT mark.
     */
    private Map<Key, String> statuses(Iterable<Key> keys) {
        Map<Key, String> statuses = new HashMap<>();
        byMilestoneAndChannel(keys)
                .forEach(
                        (group, recipients) ->
                                jdbc.query(
                                        STATUSES,
                                        group.parameters(recipients),
                                        rs -> {
                                            statuses.put(
                                                    group.key(rs.getString(1)), rs.getString(2));
                                        }));
        return statuses;
    }

    /** One milestone's deliveries on one channel. */
    record Group(String milestoneId, Channel channel) {

        Key key(String recipient) {
            return new Key(milestoneId, channel, recipient);
        }

        /**
         * The parameters of a query of this group's rows for an array of recipients: the array
         * first, then the milestone and the channel.
         */
        PreparedStatementSetter parameters(List<String> recipients) {
            return statement -> {
                statement.setArray(
                        1,
                        statement
                                .getConnection()
                                .createArrayOf("varchar", recipients.toArray(String[]::new)));
                statement.setString(2, milestoneId);
                statement.setString(3, channel.name());
            };
        }
    }

    /** The recipients of {@code keys} per milestone and channel, in the keys' order. */
    static Map<Group, List<String>> byMilestoneAndChannel(Iterable<Key> keys) {
        Map<Group, List<String>> recipients = new LinkedHashMap<>();
        for (Key key : keys) {
            recipients
                    .computeIfAbsent(
                            new Group(key.milestoneId(), key.channel()), g -> new ArrayList<>())
                    .add(key.recipient());
        }
        return recipients;
    }

    /** The statuses of one milestone's and channel's rows for an array of recipients. */
    static final String STATUSES =
            "select d.recipient, d.status from unnest(?) as wanted(recipient)"
                    + " join deliveries d on d.milestone_id = ? and d.channel = ?"
                    + " and d.recipient = wanted.recipient";

    private String returnToken(NotificationRequest request) {
        return request.channel() == Channel.EMAIL
                ? returnTokens.token(request.milestoneId(), request.recipient())
                : null;
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
                    returnToken(request));
            return true;
        } catch (DuplicateKeyException exists) {
            if (!marks.markedAmong(
                            request.milestoneId(), request.channel(), List.of(request.recipient()))
                    .isEmpty()) {
                return false; // sent, its mark not yet folded
            }
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

    /** Sent: marked at once, durably; the row becomes SENT when the thread folds its marks. */
    void sent(NotificationRequest request) {
        marks.record(Key.of(request), clock.instant());
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

    /** Erasure: the address in past deliveries (and marks not yet folded) becomes a pseudonym. */
    void pseudonymise(String recipient, String pseudonym) {
        jdbc.update(
                "update deliveries set recipient = ? where recipient = ?", pseudonym, recipient);
        marks.pseudonymise(recipient, pseudonym);
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
