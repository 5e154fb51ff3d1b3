package io.milestones.notifier.delivery;

import io.milestones.notifier.subscription.Emails;
import java.nio.file.Path;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.dao.DataAccessException;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * SENT marks, journalled (decisions 0313 and 0314). After each server's 250 a sender thread makes
 * the delivery's mark durable on its own — the mark that bounds a crash to one repeated e-mail per
 * sender thread — and folds its marks into the deliveries rows in one transaction when its poll
 * ends ({@link FoldSentMarks}) or when it holds {@code sent-marks-per-fold} of them. Until then a
 * claim treats a PENDING delivery with a mark as sent, and the status API counts it SENT; marks
 * left by a crash are folded when the next instance starts.
 *
 * <p>Where the mark is made durable: on an embedded H2 database a line appended to the thread's
 * {@link MarkJournal} file (0314: an H2 commit, of any size, cost a third of a sender's time); on
 * any other database a row of {@code sent_marks} committed on its own (0313), which every instance
 * sharing the database sees.
 */
@Component
class SentMarks implements SmartInitializingSingleton, DisposableBean {

    private static final Logger log = LoggerFactory.getLogger(SentMarks.class);

    /** Marks folded per transaction when folding what a crash left. */
    private static final int RECOVERY_CHUNK = 1000;

    private final JdbcTemplate jdbc;
    private final TransactionTemplate transaction;
    private final int perFold;
    private final ThreadLocal<List<Mark>> pending = ThreadLocal.withInitial(ArrayList::new);

    /** The journal on an embedded H2 database, else {@code null}: the table. */
    private final MarkJournal journal;

    /** With a journal: every thread's marks not yet folded, for the claims and the status API. */
    private final Set<Deliveries.Key> unfolded = ConcurrentHashMap.newKeySet();

    @Autowired
    SentMarks(
            JdbcTemplate jdbc,
            PlatformTransactionManager transactions,
            DeliveryProperties properties,
            @Value("${spring.datasource.url:}") String databaseUrl) {
        this(
                jdbc,
                transactions,
                properties.sentMarksPerFold(),
                journalDir(properties, databaseUrl).map(MarkJournal::new).orElse(null));
    }

    SentMarks(
            JdbcTemplate jdbc,
            PlatformTransactionManager transactions,
            int perFold,
            MarkJournal journal) {
        this.jdbc = jdbc;
        this.transaction = new TransactionTemplate(transactions);
        this.perFold = perFold;
        this.journal = journal;
        if (journal != null) {
            log.info("SENT marks journalled in {} (embedded H2, decision 0314)", journal.dir());
        }
    }

    /**
     * The journal's directory when marks go to a journal: on an embedded H2 database (a file, not
     * {@code mem:}, {@code tcp:} or {@code ssl:}) unless {@code sent-marks: table}; beside the
     * database file unless {@code sent-marks-journal-dir} names one.
     */
    static Optional<Path> journalDir(DeliveryProperties properties, String databaseUrl) {
        Optional<Path> database = embeddedH2File(databaseUrl);
        boolean journalled =
                switch (properties.sentMarks()) {
                    case JOURNAL -> true;
                    case TABLE -> false;
                    case AUTO -> database.isPresent();
                };
        if (!journalled) {
            return Optional.empty();
        }
        if (!properties.sentMarksJournalDir().isBlank()) {
            return Optional.of(Path.of(properties.sentMarksJournalDir()));
        }
        return Optional.of(
                database.map(file -> Path.of(file + "-sent-marks"))
                        .orElseThrow(
                                () ->
                                        new IllegalStateException(
                                                "milestones.delivery.sent-marks=journal needs"
                                                        + " milestones.delivery.sent-marks-journal-dir"
                                                        + " when the database is not an H2 file")));
    }

    /** The file of an embedded H2 database URL, without H2's {@code .mv.db}. */
    static Optional<Path> embeddedH2File(String url) {
        if (url == null || !url.startsWith("jdbc:h2:")) {
            return Optional.empty();
        }
        String rest = url.substring("jdbc:h2:".length());
        int options = rest.indexOf(';');
        String name = options < 0 ? rest : rest.substring(0, options);
        String lower = name.toLowerCase(Locale.ROOT);
        if (lower.startsWith("mem:") || lower.startsWith("tcp:") || lower.startsWith("ssl:")) {
            return Optional.empty();
        }
        if (lower.startsWith("file:")) {
            name = name.substring("file:".length());
        }
        if (name.startsWith("~")) {
            name = System.getProperty("user.home") + name.substring(1);
        }
        return name.isBlank() ? Optional.empty() : Optional.of(Path.of(name));
    }

    /** One delivery sent at one moment. */
    record Mark(Deliveries.Key key, Timestamp at) {}

    /**
     * Marks the delivery of {@code key} sent, durably, before the thread sends anything else; the
     * thread folds it later.
     */
    void record(Deliveries.Key key, Instant at) {
        Mark mark = new Mark(key, Timestamp.from(at));
        if (journal != null) {
            journal.append(key, mark.at());
            unfolded.add(key);
        } else {
            insert(mark);
        }
        List<Mark> mine = pending.get();
        mine.add(mark);
        if (mine.size() >= perFold) {
            fold();
        }
    }

    private void insert(Mark mark) {
        Deliveries.Key key = mark.key();
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
        } catch (DataAccessException e) {
            log.warn(
                    "Folding {} SENT marks failed, kept for the next fold: {}",
                    mine.size(),
                    Emails.maskAll(String.valueOf(e.getMostSpecificCause().getMessage())));
            return;
        }
        if (journal != null) {
            // after the commit: until then the file's marks are the durable ones
            journal.folded();
            mine.forEach(mark -> unfolded.remove(mark.key()));
        }
        mine.clear();
    }

    private void foldInOne(List<Mark> marks) {
        foldInOne(marks, journal == null);
    }

    /** Rows of {@code marks} SENT; with {@code inTable} their rows of sent_marks deleted. */
    private void foldInOne(List<Mark> marks, boolean inTable) {
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
        int[] updated = jdbc.batchUpdate(SENT, sent);
        if (inTable) {
            jdbc.batchUpdate(
                    "delete from sent_marks where milestone_id = ? and channel = ? and recipient = ?",
                    keys);
            return;
        }
        // a journalled mark's address erased since the send: its row is under the pseudonym now
        List<Object[]> erased = new ArrayList<>();
        for (int i = 0; i < updated.length; i++) {
            if (updated[i] == 0) {
                Object[] row = sent.get(i);
                row[3] = DeliveryErasure.pseudonymOf((String) row[3]);
                erased.add(row);
            }
        }
        if (!erased.isEmpty()) {
            jdbc.batchUpdate(SENT, erased);
        }
    }

    private static final String SENT =
            "update deliveries set status = '"
                    + DeliveryStatus.SENT.name()
                    + "', last_error = null, updated_at = ?"
                    + " where milestone_id = ? and channel = ? and recipient = ?";

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
            transaction.executeWithoutResult(status -> foldInOne(left, true));
            folded += left.size();
        }
        if (journal != null) {
            folded += foldJournalLeftOver();
        }
        if (folded > 0) {
            log.info("Folded {} SENT marks left unfolded by an earlier run", folded);
        }
    }

    /**
     * The marks a dead run left in its journal files: each names its address by hash, so the
     * PENDING rows of its milestone and channel are hashed to find it (an address erased since is
     * found by its pseudonym, which is that hash too). Returns how many rows became SENT.
     */
    private int foldJournalLeftOver() {
        MarkJournal.LeftOver left = journal.takeLeftOver();
        Map<Deliveries.Group, Map<String, Timestamp>> byGroup = new HashMap<>();
        for (MarkJournal.Entry entry : left.entries()) {
            byGroup.computeIfAbsent(
                            new Deliveries.Group(entry.milestoneId(), entry.channel()),
                            g -> new HashMap<>())
                    .putIfAbsent(entry.addressHash(), entry.at());
        }
        List<Mark> found = new ArrayList<>();
        byGroup.forEach(
                (group, sentAt) ->
                        jdbc.query(
                                "select recipient from deliveries where milestone_id = ?"
                                        + " and channel = ? and status = '"
                                        + DeliveryStatus.PENDING.name()
                                        + "'",
                                rs -> {
                                    String recipient = rs.getString(1);
                                    Timestamp at =
                                            sentAt.get(DeliveryErasure.addressHashOf(recipient));
                                    if (at != null) {
                                        found.add(new Mark(group.key(recipient), at));
                                    }
                                },
                                group.milestoneId(),
                                group.channel().name()));
        for (int from = 0; from < found.size(); from += RECOVERY_CHUNK) {
            List<Mark> chunk = found.subList(from, Math.min(found.size(), from + RECOVERY_CHUNK));
            transaction.executeWithoutResult(status -> foldInOne(chunk));
        }
        left.discard();
        return found.size();
    }

    /** Closes the journal: its files are empty once every sender has folded. */
    @Override
    public void destroy() {
        if (journal != null) {
            journal.close();
        }
    }

    /**
     * With a journal, the marks of {@code milestoneId} not yet folded, per channel: their rows are
     * still PENDING. Empty without one (the status API reads {@code sent_marks} then).
     */
    Map<Channel, Long> unfoldedOf(String milestoneId) {
        Map<Channel, Long> counts = new EnumMap<>(Channel.class);
        for (Deliveries.Key key : unfolded) {
            if (key.milestoneId().equals(milestoneId)) {
                counts.merge(key.channel(), 1L, Long::sum);
            }
        }
        return counts;
    }

    /** Those of {@code recipients} whose delivery of this milestone and channel has a mark. */
    Set<String> markedAmong(String milestoneId, Channel channel, List<String> recipients) {
        Set<String> marked = new HashSet<>();
        if (recipients.isEmpty()) {
            return marked;
        }
        if (journal != null) {
            for (String recipient : recipients) {
                if (unfolded.contains(new Deliveries.Key(milestoneId, channel, recipient))) {
                    marked.add(recipient);
                }
            }
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

    /**
     * Erasure: the address in unfolded marks of the table becomes the pseudonym too. A journal
     * holds no address; its thread's fold finds the row under the pseudonym.
     */
    void pseudonymise(String recipient, String pseudonym) {
        jdbc.update(
                "update sent_marks set recipient = ? where recipient = ?", pseudonym, recipient);
    }
}
