package io.milestones.notifier.delivery;

import io.milestones.notifier.subscription.Emails;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.dao.DataAccessException;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * SENT marks, journalled (decision 0313). After each server's 250 a sender thread commits one small
 * row to {@code sent_marks} on its own — the durable mark that bounds a crash to one repeated
 * e-mail per sender thread — and folds its marks into the deliveries rows in one transaction when
 * its poll ends ({@link FoldSentMarks}) or when it holds {@code sent-marks-per-fold} of them. Until
 * then a claim treats a PENDING delivery with a mark as sent, and the status API counts it SENT;
 * marks left by a crash are folded when the next instance starts.
 *
 * <p>Why: on H2, one commit that updates a deliveries row writes pages of the table and its
 * indexes, and at a million rows the file fragments and every commit's space is searched for first
 * fit; a commit that inserts a row into a table that holds a few hundred rows stays cheap.
 */
@Component
class SentMarks implements SmartInitializingSingleton {

    private static final Logger log = LoggerFactory.getLogger(SentMarks.class);

    /** Marks folded per transaction when folding what a crash left. */
    private static final int RECOVERY_CHUNK = 1000;

    private final JdbcTemplate jdbc;
    private final TransactionTemplate transaction;
    private final int perFold;
    private final ThreadLocal<List<Mark>> pending = ThreadLocal.withInitial(ArrayList::new);

    SentMarks(
            JdbcTemplate jdbc,
            PlatformTransactionManager transactions,
            DeliveryProperties properties) {
        this.jdbc = jdbc;
        this.transaction = new TransactionTemplate(transactions);
        this.perFold = properties.sentMarksPerFold();
    }

    /** One delivery sent at one moment. */
    record Mark(Deliveries.Key key, Timestamp at) {}

    /**
     * Marks the delivery of {@code key} sent, durably, before the thread sends anything else; the
     * thread folds it later.
     */
    void record(Deliveries.Key key, Instant at) {
        Mark mark = new Mark(key, Timestamp.from(at));
        try {
            jdbc.update(
                    "insert into sent_marks (milestone_id, channel, recipient, sent_at)"
                            + " values (?, ?, ?, ?)",
                    key.milestoneId(),
                    key.channel().name(),
                    key.recipient(),
                    mark.at());
        } catch (DuplicateKeyException markedBefore) {
            // sent again after a crash left its mark unfolded: the first mark stands
        }
        List<Mark> mine = pending.get();
        mine.add(mark);
        if (mine.size() >= perFold) {
            fold();
        }
    }

    /**
     * Folds this thread's marks into the deliveries table in one transaction: their rows become
     * SENT, the marks are deleted. When that fails the marks stay (durable, and honoured by claims
     * and the status API) and are folded with the thread's next fold.
     */
    void fold() {
        List<Mark> mine = pending.get();
        if (mine.isEmpty()) {
            return;
        }
        try {
            transaction.executeWithoutResult(status -> foldInOne(mine));
            mine.clear();
        } catch (DataAccessException e) {
            log.warn(
                    "Folding {} SENT marks failed, kept for the next fold: {}",
                    mine.size(),
                    Emails.maskAll(String.valueOf(e.getMostSpecificCause().getMessage())));
        }
    }

    private void foldInOne(List<Mark> marks) {
        List<Object[]> sent = new ArrayList<>(marks.size());
        List<Object[]> keys = new ArrayList<>(marks.size());
        for (Mark mark : marks) {
            Deliveries.Key key = mark.key();
            sent.add(
                    new Object[] {
                        mark.at(), key.milestoneId(), key.channel().name(), key.recipient()
                    });
            keys.add(new Object[] {key.milestoneId(), key.channel().name(), key.recipient()});
        }
        jdbc.batchUpdate(
                "update deliveries set status = '"
                        + DeliveryStatus.SENT.name()
                        + "', last_error = null, updated_at = ?"
                        + " where milestone_id = ? and channel = ? and recipient = ?",
                sent);
        jdbc.batchUpdate(
                "delete from sent_marks where milestone_id = ? and channel = ? and recipient = ?",
                keys);
    }

    /** At start-up, before any sender polls: folds the marks a crash left unfolded. */
    @Override
    public void afterSingletonsInstantiated() {
        int folded = 0;
        while (true) {
            List<Mark> left =
                    jdbc.query(
                            "select milestone_id, channel, recipient, sent_at from sent_marks"
                                    + " order by milestone_id, channel, recipient"
                                    + " fetch first "
                                    + RECOVERY_CHUNK
                                    + " rows only",
                            (rs, i) ->
                                    new Mark(
                                            new Deliveries.Key(
                                                    rs.getString(1),
                                                    Channel.valueOf(rs.getString(2)),
                                                    rs.getString(3)),
                                            rs.getTimestamp(4)));
            if (left.isEmpty()) {
                break;
            }
            transaction.executeWithoutResult(status -> foldInOne(left));
            folded += left.size();
        }
        if (folded > 0) {
            log.info("Folded {} SENT marks left unfolded by an earlier run", folded);
        }
    }

    /** Those of {@code recipients} whose delivery of this milestone and channel has a mark. */
    Set<String> markedAmong(String milestoneId, Channel channel, List<String> recipients) {
        Set<String> marked = new HashSet<>();
        if (recipients.isEmpty()) {
            return marked;
        }
        jdbc.query(
                "select m.recipient from unnest(?) as wanted(recipient)"
                        + " join sent_marks m on m.milestone_id = ? and m.channel = ?"
                        + " and m.recipient = wanted.recipient",
                new Deliveries.Group(milestoneId, channel).parameters(recipients),
                rs -> {
                    marked.add(rs.getString(1));
                });
        return marked;
    }

    /** Erasure: the address in unfolded marks becomes the pseudonym too. */
    void pseudonymise(String recipient, String pseudonym) {
        jdbc.update(
                "update sent_marks set recipient = ? where recipient = ?", pseudonym, recipient);
    }
}
