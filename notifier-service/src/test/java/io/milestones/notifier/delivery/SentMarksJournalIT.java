package io.milestones.notifier.delivery;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

import io.milestones.notifier.links.ReturnTokens;
import io.milestones.testing.TestClock;
import io.milestones.testing.TestDatabaseExtension;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;

/**
 * SENT marks in a journal file (decision 0314), the store on an embedded H2 database: the same
 * guarantees as the table's ({@link SentMarksIT}) — a delivery sent but not yet folded is not
 * claimed again and counts as sent, a thread folds at its limit and when its poll ends, the marks
 * of a run that was killed are folded when the next one starts — and the journal's own: no address
 * in the file, a live run's file is not taken by another, an erasure between the send and the fold
 * still ends SENT under the pseudonym. On H2 and (tag {@code database}) again on PostgreSQL.
 */
class SentMarksJournalIT {

    @RegisterExtension static TestDatabaseExtension db = new TestDatabaseExtension();

    private static final AtomicInteger MILESTONES = new AtomicInteger(5000);

    private static final int PER_FOLD = 3;

    @TempDir Path dir;

    /** Each test its own milestone: the database is the class's. */
    private final String milestone = "global:" + MILESTONES.incrementAndGet();

    private final TestClock clock = new TestClock(Instant.parse("2026-12-07T10:00:00Z"));
    private final DeliveryTables tables;
    private final JdbcTemplate jdbc;
    private final DataSourceTransactionManager transactions;
    private final ReturnTokens tokens = mock(ReturnTokens.class);
    private final List<MarkJournal> journals = new ArrayList<>();

    @BeforeAll
    static void migrate() {
        DeliveryTables.migrate(db);
    }

    SentMarksJournalIT() {
        tables = new DeliveryTables(db);
        jdbc = tables.jdbc;
        transactions = tables.transactions;
        when(tokens.token(anyString(), anyString())).thenReturn("t");
    }

    @AfterEach
    void closeJournals() {
        journals.forEach(MarkJournal::close);
    }

    /** A run of the notifier: its marks journalled in {@link #dir}. */
    private record Run(MarkJournal journal, SentMarks marks, Deliveries deliveries) {}

    private Run start() {
        MarkJournal journal = new MarkJournal(dir);
        journals.add(journal);
        SentMarks marks = new SentMarks(jdbc, transactions, PER_FOLD, journal);
        marks.afterSingletonsInstantiated();
        return new Run(journal, marks, new Deliveries(jdbc, clock, tokens, transactions, marks));
    }

    private NotificationRequest to(String address) {
        return DeliveryTables.request(milestone, address);
    }

    @Test
    @Tag("database")
    void shouldNotClaimAgainADeliverySentWhoseMarkIsOnlyInTheJournal() {
        Run run = start();
        NotificationRequest ana = to("ana@school.example");
        NotificationRequest ben = to("ben@school.example");
        assertThat(run.deliveries().claimAll(List.of(ana, ben))).containsValues(true, true);
        run.deliveries().sent(ana);

        assertThat(rows())
                .containsExactly("ana@school.example PENDING 1", "ben@school.example PENDING 1");
        assertThat(jdbc.queryForObject("select count(*) from sent_marks", Integer.class)).isZero();
        // redelivered (a rebalance before the poll's offsets were committed): Ana's is done
        assertThat(run.deliveries().claimAll(List.of(ana, ben)))
                .containsExactlyInAnyOrderEntriesOf(
                        Map.of(Deliveries.Key.of(ana), false, Deliveries.Key.of(ben), true));
        assertThat(run.deliveries().claim(ana)).isFalse();
        assertThat(rows())
                .containsExactly("ana@school.example PENDING 1", "ben@school.example PENDING 2");
        assertThat(new DeliveryStatusController(jdbc, run.marks()).summary(milestone).channels())
                .extractingByKey(Channel.EMAIL)
                .extracting("sent", "pending")
                .containsExactly(1L, 1L);
    }

    @Test
    @Tag("database")
    void shouldFoldAThreadsMarksAtItsLimitAndWhenItsPollEndsAndEmptyItsJournal()
            throws IOException {
        Run run = start();
        List<NotificationRequest> requests = new ArrayList<>();
        for (int i = 0; i < PER_FOLD + 1; i++) {
            requests.add(to("t-" + i + "@school.example"));
        }
        run.deliveries().claimAll(requests);
        Instant sentAt = clock.instant();
        for (NotificationRequest request : requests) {
            run.deliveries().sent(request);
            clock.advance(Duration.ofSeconds(1));
        }

        assertThat(rows())
                .containsExactly(
                        "t-0@school.example SENT 1",
                        "t-1@school.example SENT 1",
                        "t-2@school.example SENT 1",
                        "t-3@school.example PENDING 1");
        assertThat(journalLines()).hasSize(1);
        run.marks().fold(); // the poll ended
        assertThat(rows()).allMatch(row -> row.endsWith(" SENT 1")).hasSize(PER_FOLD + 1);
        assertThat(journalLines()).isEmpty();
        assertThat(run.marks().unfoldedOf(milestone)).isEmpty();
        assertThat(tables.updatedAt(milestone, "t-0@school.example"))
                .isEqualTo(Timestamp.from(sentAt));
    }

    @Test
    @Tag("database")
    void shouldFoldTheMarksAKilledRunLeftInItsJournalWhenTheNextRunStarts() throws IOException {
        Run killed = start();
        List<NotificationRequest> requests = new ArrayList<>();
        for (int i = 0; i < 2500; i++) {
            requests.add(to("r-" + i + "@school.example"));
        }
        requests.add(to("unsent@school.example"));
        killed.deliveries().claimAll(requests);
        // three sender threads, each with its own file; more marks than one recovery chunk
        Instant sentAt = clock.instant();
        List<Thread> senders = new ArrayList<>();
        for (int t = 0; t < 3; t++) {
            int first = t;
            Thread sender =
                    new Thread(
                            () -> {
                                for (int i = first; i < 2500; i += 3) {
                                    killed.journal()
                                            .append(
                                                    Deliveries.Key.of(requests.get(i)),
                                                    Timestamp.from(sentAt));
                                }
                            });
            sender.start();
            senders.add(sender);
        }
        for (Thread sender : senders) {
            join(sender);
        }
        killed.journal().abandon(); // kill -9: the files stay, their locks go with the process
        assertThat(journalFiles()).hasSize(3);

        start();

        assertThat(
                        count(
                                "select count(*) from deliveries where milestone_id = ? and status = 'SENT'"))
                .isEqualTo(2500);
        assertThat(rows()).contains("unsent@school.example PENDING 1");
        assertThat(journalFiles()).isEmpty();
        assertThat(tables.updatedAt(milestone, "r-7@school.example"))
                .isEqualTo(Timestamp.from(sentAt));
    }

    @Test
    @Tag("database")
    void shouldNotTakeTheJournalOfARunThatIsAlive() throws IOException {
        Run alive = start();
        NotificationRequest ana = to("ana@school.example");
        alive.deliveries().claim(ana);
        alive.deliveries().sent(ana);

        start(); // another run on the same directory: the file is locked by the live one

        assertThat(rows()).containsExactly("ana@school.example PENDING 1");
        assertThat(journalLines()).hasSize(1);
        alive.marks().fold();
        assertThat(rows()).containsExactly("ana@school.example SENT 1");
    }

    @Test
    @Tag("database")
    void shouldKeepNoAddressInTheJournalAndEndSentUnderThePseudonymAfterAnErasure()
            throws IOException {
        Run run = start();
        NotificationRequest ana = to("ana@school.example");
        NotificationRequest ben = to("ben@school.example");
        run.deliveries().claimAll(List.of(ana, ben));
        run.deliveries().sent(ana);
        run.deliveries().sent(ben);

        assertThat(journalLines()).hasSize(2).noneMatch(line -> line.contains("school.example"));
        String anaErased = DeliveryErasure.pseudonymOf("ana@school.example");
        run.deliveries().pseudonymise("ana@school.example", anaErased);
        run.marks().fold(); // the thread's fold names Ana's address, which is gone
        assertThat(rows())
                .containsExactlyInAnyOrder(anaErased + " SENT 1", "ben@school.example SENT 1");

        // and when the run is killed between the erasure and the fold
        NotificationRequest cleo = to("cleo@school.example");
        Run killed = start();
        killed.deliveries().claim(cleo);
        killed.deliveries().sent(cleo);
        String cleoErased = DeliveryErasure.pseudonymOf("cleo@school.example");
        killed.deliveries().pseudonymise("cleo@school.example", cleoErased);
        killed.journal().abandon();
        start();
        assertThat(rows()).contains(cleoErased + " SENT 1");
    }

    @Test
    void shouldKeepTheJournalBesideAnEmbeddedH2FileAndUseTheTableOnAnyOtherDatabase() {
        DeliveryProperties auto =
                new DeliveryProperties(3, 100, DeliveryProperties.SentMarkStore.AUTO, "");
        assertThat(
                        SentMarks.journalDir(
                                auto,
                                "jdbc:h2:file:./data/notifier;AUTO_SERVER=TRUE;WRITE_DELAY=0"))
                .contains(Path.of("./data/notifier-sent-marks"));
        assertThat(SentMarks.journalDir(auto, "jdbc:h2:/var/lib/notifier/db"))
                .contains(Path.of("/var/lib/notifier/db-sent-marks"));
        assertThat(SentMarks.journalDir(auto, "jdbc:h2:mem:notifier;DB_CLOSE_DELAY=-1")).isEmpty();
        assertThat(SentMarks.journalDir(auto, "jdbc:h2:tcp://localhost/~/notifier")).isEmpty();
        assertThat(SentMarks.journalDir(auto, "jdbc:postgresql://db:5432/notifier")).isEmpty();
        assertThat(
                        SentMarks.journalDir(
                                new DeliveryProperties(
                                        3, 100, DeliveryProperties.SentMarkStore.TABLE, ""),
                                "jdbc:h2:file:./data/notifier"))
                .isEmpty();
        assertThat(
                        SentMarks.journalDir(
                                new DeliveryProperties(
                                        3,
                                        100,
                                        DeliveryProperties.SentMarkStore.JOURNAL,
                                        "/srv/marks"),
                                "jdbc:postgresql://db:5432/notifier"))
                .contains(Path.of("/srv/marks"));
    }

    @Test
    void shouldRefuseToStartWhenTheJournalCannotBeWritten() throws IOException {
        Path notADirectory = Files.writeString(dir.resolve("a-file"), "x");

        assertThatThrownBy(() -> new MarkJournal(notADirectory.resolve("marks")))
                .isInstanceOf(UncheckedIOException.class)
                .hasMessageContaining("cannot write the SENT-mark journal in")
                .hasMessageContaining("a-file");
    }

    private static void join(Thread thread) {
        try {
            thread.join();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private List<Path> journalFiles() throws IOException {
        try (Stream<Path> files = Files.list(dir)) {
            return files.filter(f -> f.toString().endsWith(MarkJournal.SUFFIX)).toList();
        }
    }

    private List<String> journalLines() throws IOException {
        List<String> lines = new ArrayList<>();
        for (Path file : journalFiles()) {
            lines.addAll(Files.readAllLines(file, StandardCharsets.UTF_8));
        }
        return lines;
    }

    private List<String> rows() {
        return tables.rows(milestone);
    }

    private int count(String sql) {
        return tables.count(sql, milestone);
    }
}
