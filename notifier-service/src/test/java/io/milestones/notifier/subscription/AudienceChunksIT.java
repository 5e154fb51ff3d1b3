package io.milestones.notifier.subscription;

import static org.assertj.core.api.Assertions.assertThat;

import io.milestones.testing.TestDatabaseExtension;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DriverManagerDataSource;

/**
 * The fan-out reads a scope's confirmed audience chunk by chunk ({@link
 * SubscriptionRepository#audienceChunk}): every confirmed subscriber of the scope exactly once, in
 * id order, nobody of another scope or not confirmed; and each chunk reads about a chunk's rows of
 * the index, not the whole audience (on H2 and, tag {@code database}, again on PostgreSQL).
 */
class AudienceChunksIT {

    @RegisterExtension static TestDatabaseExtension db = new TestDatabaseExtension();

    private static final int AUDIENCE = 2_500;
    private static final int CHUNK = 1_000;
    private static final List<UUID> GLOBAL = new ArrayList<>();

    private static JdbcTemplate jdbc;

    @BeforeAll
    static void subscribers() {
        Flyway.configure()
                .dataSource(db.url(), db.user(), db.password())
                .locations("classpath:db/migration/notifier")
                .load()
                .migrate();
        jdbc = new JdbcTemplate(new DriverManagerDataSource(db.url(), db.user(), db.password()));
        Timestamp now = Timestamp.from(Instant.now());
        List<Object[]> subscriptions = new ArrayList<>();
        List<Object[]> scopes = new ArrayList<>();
        for (int i = 0; i < AUDIENCE + 300; i++) {
            UUID id = UUID.randomUUID();
            // 2,500 confirmed of the global scope; 100 pending of it; 200 of Poland's alone
            boolean pending = i >= AUDIENCE && i < AUDIENCE + 100;
            String scope = i >= AUDIENCE + 100 ? "country:PL" : "global";
            subscriptions.add(
                    new Object[] {
                        id, "s" + i + "@example.org", pending ? "PENDING" : "CONFIRMED", now, now
                    });
            scopes.add(new Object[] {id, scope});
            if (!pending && scope.equals("global")) {
                GLOBAL.add(id);
            }
        }
        jdbc.batchUpdate(
                "insert into subscriptions (id, email, language, status, teacher_id, created_at,"
                        + " confirmed_at) values (?, ?, 'en', ?, null, ?, ?)",
                subscriptions);
        jdbc.batchUpdate(
                "insert into subscription_scopes (subscription_id, scope) values (?, ?)", scopes);
    }

    @Test
    @Tag("database")
    void shouldReadEveryConfirmedSubscriberOfTheScopeOnceInIdOrder() {
        var repository = new SubscriptionRepository(jdbc, Clock.systemUTC());
        List<UUID> read = new ArrayList<>();
        List<Integer> sizes = new ArrayList<>();
        UUID after = null;
        List<Recipient> chunk;
        do {
            chunk = repository.audienceChunk("global", after, CHUNK);
            sizes.add(chunk.size());
            chunk.forEach(recipient -> read.add(recipient.subscriptionId()));
            after = chunk.isEmpty() ? after : chunk.get(chunk.size() - 1).subscriptionId();
        } while (chunk.size() == CHUNK);

        assertThat(sizes).containsExactly(1_000, 1_000, 500);
        assertThat(read).containsExactlyInAnyOrderElementsOf(GLOBAL).doesNotHaveDuplicates();
        List<UUID> inDatabaseOrder =
                jdbc.queryForList(
                        "select subscription_id from subscription_scopes where scope = 'global'"
                                + " order by subscription_id",
                        UUID.class);
        inDatabaseOrder.retainAll(GLOBAL);
        assertThat(read).isEqualTo(inDatabaseOrder);
    }

    /**
     * A fan-out to a million subscribers reads a thousand chunks: each must read its own rows of
     * the scope's index, already in order, not the whole audience to sort it (what H2 did with
     * {@code order by sc.subscription_id}).
     */
    @Test
    void shouldReadAboutOneChunkOfTheIndexPerChunk() {
        String plan =
                jdbc.queryForObject(
                        "explain analyze " + SubscriptionRepository.AUDIENCE,
                        String.class,
                        "global",
                        "CONFIRMED",
                        SubscriptionRepository.BEFORE_ALL,
                        CHUNK);

        assertThat(plan).contains("/* index sorted */").contains("SUBSCRIPTION_SCOPES_SCOPE_IDX");
        // the index's rows of the first chunk: its 1,000, the pending ones among them, and one
        var scanned = java.util.regex.Pattern.compile("scanCount: (\\d+)").matcher(plan);
        assertThat(scanned.find()).isTrue();
        assertThat(Integer.parseInt(scanned.group(1))).isBetween(CHUNK, CHUNK + 100 + 1);
    }
}
