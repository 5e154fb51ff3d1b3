package io.milestones.notifier.delivery;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

import io.milestones.notifier.links.ReturnTokens;
import io.milestones.testing.TestClock;
import io.milestones.testing.TestDatabaseExtension;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;

/**
 * SENT marks journalled and folded per poll (decision 0313): a delivery sent but not yet folded is
 * not claimed again (a crash before the fold must not repeat the e-mail), the status API counts it
 * sent, a thread folds at its limit and when asked, marks a crash left are folded at start-up, and
 * an erasure reaches an unfolded mark. On H2 and (tag {@code database}) again on PostgreSQL.
 */
class SentMarksIT {

    @RegisterExtension static TestDatabaseExtension db = new TestDatabaseExtension();

    private static final AtomicInteger MILESTONES = new AtomicInteger(2000);

    private static final int PER_FOLD = 3;

    /** Each test its own milestone: the database is the class's. */
    private final String milestone = "global:" + MILESTONES.incrementAndGet();

    private final TestClock clock = new TestClock(Instant.parse("2026-12-07T10:00:00Z"));
    private final DeliveryTables tables;
    private final JdbcTemplate jdbc;
    private final DataSourceTransactionManager transactions;
    private final SentMarks marks;
    private final Deliveries deliveries;

    @BeforeAll
    static void migrate() {
        DeliveryTables.migrate(db);
    }

    SentMarksIT() {
        tables = new DeliveryTables(db);
        jdbc = tables.jdbc;
        transactions = tables.transactions;
        ReturnTokens tokens = mock(ReturnTokens.class);
        when(tokens.token(anyString(), anyString())).thenReturn("t");
        marks = new SentMarks(jdbc, transactions, PER_FOLD, null);
        deliveries = new Deliveries(jdbc, clock, tokens, transactions, marks);
    }

    private NotificationRequest to(String address) {
        return DeliveryTables.request(milestone, address);
    }

    @Test
    @Tag("database")
    void shouldNotClaimAgainADeliverySentWhoseMarkIsNotFoldedYet() {
        NotificationRequest ana = to("ana@school.example");
        NotificationRequest ben = to("ben@school.example");
        assertThat(deliveries.claimAll(List.of(ana, ben))).containsValues(true, true);
        deliveries.sent(ana); // the process dies here: the mark is committed, the row PENDING

        assertThat(rows())
                .containsExactly("ana@school.example PENDING 1", "ben@school.example PENDING 1");
        assertThat(marked()).containsExactly("ana@school.example");
        // the requests polled again after a restart: Ana's is done, Ben's claimed once more
        assertThat(deliveries.claimAll(List.of(ana, ben)))
                .containsExactlyInAnyOrderEntriesOf(
                        Map.of(Deliveries.Key.of(ana), false, Deliveries.Key.of(ben), true));
        assertThat(deliveries.claim(ana)).isFalse();
        assertThat(rows())
                .containsExactly("ana@school.example PENDING 1", "ben@school.example PENDING 2");
        // and the status API already counts Ana's as sent
        assertThat(new DeliveryStatusController(jdbc, marks).summary(milestone).channels())
                .extractingByKey(Channel.EMAIL)
                .extracting("sent", "pending")
                .containsExactly(1L, 1L);
    }

    @Test
    @Tag("database")
    void shouldFoldAThreadsMarksAtItsLimitAndWhenItsPollEnds() {
        List<NotificationRequest> requests = new ArrayList<>();
        for (int i = 0; i < PER_FOLD + 1; i++) {
            requests.add(to("t-" + i + "@school.example"));
        }
        deliveries.claimAll(requests);
        Instant sentAt = clock.instant();
        for (NotificationRequest request : requests) {
            deliveries.sent(request);
            clock.advance(java.time.Duration.ofSeconds(1));
        }

        assertThat(rows())
                .containsExactly(
                        "t-0@school.example SENT 1",
                        "t-1@school.example SENT 1",
                        "t-2@school.example SENT 1",
                        "t-3@school.example PENDING 1");
        assertThat(marked()).containsExactly("t-3@school.example");
        marks.fold(); // the poll ended
        assertThat(rows()).allMatch(row -> row.endsWith(" SENT 1")).hasSize(PER_FOLD + 1);
        assertThat(marked()).isEmpty();
        // the row keeps the moment of the send, not of the fold
        assertThat(tables.updatedAt(milestone, "t-0@school.example"))
                .isEqualTo(Timestamp.from(sentAt));
    }

    @Test
    @Tag("database")
    void shouldFoldTheMarksACrashLeftWhenTheNextInstanceStarts() {
        List<NotificationRequest> requests = new ArrayList<>();
        for (int i = 0; i < 2500; i++) {
            requests.add(to("r-" + i + "@school.example"));
        }
        deliveries.claimAll(requests);
        // marked, never folded: the process was killed (more marks than one recovery chunk)
        jdbc.batchUpdate(
                "insert into sent_marks (milestone_id, channel, recipient, sent_at)"
                        + " values (?, 'EMAIL', ?, ?)",
                requests.stream()
                        .map(
                                r ->
                                        new Object[] {
                                            milestone,
                                            r.recipient(),
                                            Timestamp.from(clock.instant())
                                        })
                        .toList());

        assertThat(count("select count(*) from sent_marks where milestone_id = ?")).isEqualTo(2500);
        new SentMarks(jdbc, transactions, PER_FOLD, null).afterSingletonsInstantiated();

        assertThat(count("select count(*) from sent_marks where milestone_id = ?")).isZero();
        assertThat(
                        count(
                                "select count(*) from deliveries where milestone_id = ?"
                                        + " and status = 'SENT'"))
                .isEqualTo(2500);
    }

    @Test
    @Tag("database")
    void shouldPseudonymiseAnErasedAddressInAMarkNotFoldedYet() {
        NotificationRequest ana = to("ana@school.example");
        deliveries.claim(ana);
        deliveries.sent(ana);

        deliveries.pseudonymise("ana@school.example", "erased:abc");

        assertThat(marked()).containsExactly("erased:abc");
        assertThat(rows()).containsExactly("erased:abc PENDING 1");
        marks.fold(); // the thread's fold names the address, which is gone
        new SentMarks(jdbc, transactions, PER_FOLD, null).afterSingletonsInstantiated();
        assertThat(rows()).containsExactly("erased:abc SENT 1");
        assertThat(marked()).isEmpty();
    }

    private List<String> rows() {
        return tables.rows(milestone);
    }

    private List<String> marked() {
        return jdbc.queryForList(
                "select recipient from sent_marks where milestone_id = ? order by recipient",
                String.class,
                milestone);
    }

    private int count(String sql) {
        return tables.count(sql, milestone);
    }
}
