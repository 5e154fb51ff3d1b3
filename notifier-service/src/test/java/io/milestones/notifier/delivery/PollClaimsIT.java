package io.milestones.notifier.delivery;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

import io.milestones.notifier.links.ReturnTokens;
import io.milestones.notifier.subscription.SubscriberDirectory;
import io.milestones.notifier.suppression.SuppressionList;
import io.milestones.testing.TestClock;
import io.milestones.testing.TestDatabaseExtension;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * A poll's deliveries claimed in one transaction (decision 0312) decide exactly as the claim of one
 * request does, and a claim that fails leaves nothing half-claimed; on H2 and (tag {@code
 * database}) again on PostgreSQL, since the senders fall back to claiming one by one when the
 * batch's SQL fails, which no end-to-end test would notice.
 */
class PollClaimsIT {

    @RegisterExtension static TestDatabaseExtension db = new TestDatabaseExtension();

    private static final AtomicInteger MILESTONES = new AtomicInteger(1000);

    /** Each test its own milestone: the database is the class's. */
    private final String milestone = "global:" + MILESTONES.incrementAndGet();

    private final JdbcTemplate jdbc;
    private final SentMarks marks;
    private final Deliveries deliveries;

    @BeforeAll
    static void migrate() {
        DeliveryTables.migrate(db);
    }

    PollClaimsIT() {
        DeliveryTables tables = new DeliveryTables(db);
        jdbc = tables.jdbc;
        ReturnTokens tokens = mock(ReturnTokens.class);
        when(tokens.token(anyString(), anyString()))
                .thenAnswer(call -> "t-" + call.getArgument(1, String.class).charAt(0));
        var transactions = tables.transactions;
        marks = new SentMarks(jdbc, transactions, 100, null);
        deliveries = new Deliveries(jdbc, Clock.systemUTC(), tokens, transactions, marks);
    }

    private NotificationRequest to(String address) {
        return DeliveryTables.request(milestone, address);
    }

    @Test
    @Tag("database")
    void shouldClaimAPollAsEachRequestWouldBeClaimedOnItsOwn() {
        NotificationRequest fresh = to("ana@school.example");
        NotificationRequest pending = to("ben@school.example");
        NotificationRequest sent = to("cleo@school.example");
        NotificationRequest failed = to("dan@school.example");
        NotificationRequest suppressed = to("eve@school.example");
        assertThat(deliveries.claim(pending)).isTrue();
        assertThat(deliveries.claim(sent)).isTrue();
        deliveries.sent(sent);
        marks.fold();
        assertThat(deliveries.claim(failed)).isTrue();
        deliveries.failed(failed, "550 no such user");
        deliveries.suppressed(suppressed);

        Map<Deliveries.Key, Boolean> claimed =
                deliveries.claimAll(List.of(fresh, pending, sent, failed, suppressed, fresh));

        assertThat(claimed)
                .containsExactlyInAnyOrderEntriesOf(
                        Map.of(
                                Deliveries.Key.of(fresh), true,
                                Deliveries.Key.of(pending), true,
                                Deliveries.Key.of(sent), false,
                                Deliveries.Key.of(failed), false,
                                Deliveries.Key.of(suppressed), false));
        assertThat(
                        jdbc.queryForList(
                                "select recipient, status, attempts, return_token from deliveries"
                                        + " where milestone_id = ? order by recipient",
                                milestone))
                .extracting(
                        row ->
                                row.get("RECIPIENT")
                                        + " "
                                        + row.get("STATUS")
                                        + " "
                                        + row.get("ATTEMPTS")
                                        + " "
                                        + row.get("RETURN_TOKEN"))
                .containsExactly(
                        "ana@school.example PENDING 1 t-a", // claimed once though named twice
                        "ben@school.example PENDING 2 t-b", // one more attempt
                        "cleo@school.example SENT 1 t-c",
                        "dan@school.example FAILED 1 t-d",
                        "eve@school.example SUPPRESSED 0 null");
        // the single claim agrees with what the poll's claim left behind
        assertThat(deliveries.claim(sent)).isFalse();
        assertThat(deliveries.claim(fresh)).isTrue();
    }

    @Test
    @Tag("database")
    void shouldServeAPreparedPollOnceAndCheckAStaleSuppressionVerdictAgain() {
        UUID ana = UUID.randomUUID();
        UUID eve = UUID.randomUUID();
        UUID gone = UUID.randomUUID();
        SubscriberDirectory directory = mock(SubscriberDirectory.class);
        when(directory.confirmedAddresses(any()))
                .thenReturn(Map.of(ana, "ana@school.example", eve, "eve@school.example"));
        SuppressionList suppressions = mock(SuppressionList.class);
        when(suppressions.suppressedAmong(any())).thenReturn(Set.of("eve@school.example"));
        TestClock clock = new TestClock(Instant.parse("2026-12-06T10:00:00Z"));
        PollPreparation preparation =
                new PollPreparation(
                        new SubscriberAddresses(directory, clock), suppressions, deliveries, clock);
        NotificationRequest toAna = NotificationRequest.toSubscriber(milestone, "en", ana, false);
        NotificationRequest toEve = NotificationRequest.toSubscriber(milestone, "en", eve, false);
        NotificationRequest toGone = NotificationRequest.toSubscriber(milestone, "en", gone, false);

        preparation.prepare(List.of(toAna, toEve, toGone), true);

        NotificationRequest anaResolved = toAna.resolvedTo("ana@school.example");
        NotificationRequest eveResolved = toEve.resolvedTo("eve@school.example");
        assertThat(preparation.take(anaResolved))
                .extracting("suppressed", "claimed")
                .containsExactly(false, true);
        assertThat(preparation.take(anaResolved)).isNull(); // served once
        assertThat(preparation.take(eveResolved))
                .extracting("suppressed", "claimed")
                .containsExactly(true, null); // suppressed: never claimed
        assertThat(
                        jdbc.queryForList(
                                "select recipient from deliveries where milestone_id = ?",
                                String.class,
                                milestone))
                .containsExactly("ana@school.example");

        // the same poll again (the container seeked back): one more attempt on Ana's claim
        preparation.prepare(List.of(toAna), true);
        clock.advance(PollPreparation.FRESH.plusSeconds(1));
        assertThat(preparation.take(anaResolved))
                .extracting("suppressed", "claimed")
                .containsExactly(null, true); // the claim stands, the verdict is checked again
        assertThat(
                        jdbc.queryForObject(
                                "select attempts from deliveries where milestone_id = ?",
                                Integer.class,
                                milestone))
                .isEqualTo(2);
    }

    /**
     * A fan-out to a million subscribers has a million rows under one milestone: the poll's look-up
     * must find each key in the primary key, not filter every row of the milestone (what H2 did
     * with {@code milestone_id = ? and channel = ? and recipient in (…)}).
     */
    @Test
    void shouldLookAPollsRowsUpInThePrimaryKey() {
        String plan =
                jdbc.queryForObject(
                        "explain " + Deliveries.STATUSES,
                        String.class,
                        new String[] {"ana@school.example", "ben@school.example"},
                        milestone,
                        "EMAIL");

        assertThat(plan)
                .containsPattern(
                        "PRIMARY_KEY\\w*: MILESTONE_ID = \\?2\\s+AND CHANNEL = \\?3"
                                + "\\s+AND RECIPIENT = WANTED.RECIPIENT");
    }

    @Test
    @Tag("database")
    void shouldLeaveNothingClaimedWhenThePollsClaimFails() {
        NotificationRequest good = to("ana@school.example");
        NotificationRequest tooLong = to("x".repeat(400) + "@school.example");

        assertThat(deliveries.claimAll(List.of(good, tooLong))).isEmpty();

        assertThat(
                        jdbc.queryForObject(
                                "select count(*) from deliveries where milestone_id = ?",
                                Integer.class,
                                milestone))
                .isZero();
        assertThat(deliveries.claim(good)).isTrue(); // the listener's own claim still works
    }
}
