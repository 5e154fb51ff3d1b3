package io.milestones.notifier.suppression;

import static io.milestones.notifier.testing.NotifierTestKit.get;
import static io.milestones.notifier.testing.NotifierTestKit.milestone;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.milestones.events.CrossedBy;
import io.milestones.events.Scope;
import io.milestones.events.TeacherErased;
import io.milestones.events.Topics;
import io.milestones.notifier.testing.NotifierTestKit;
import io.milestones.testing.KafkaBrokerExtension;
import io.milestones.testing.RejectingSmtpServer;
import io.milestones.testing.TestDatabaseExtension;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * Reputation (guarantee 7) against a real SMTP server that refuses some recipients at {@code RCPT
 * TO}: 550 addresses are suppressed after one milestone and never attempted again, 451 addresses
 * are retried and suppressed only once they soft-bounced past the threshold; the admin API lists
 * them masked, looks one up and lifts it; erasure keeps the hash on the list.
 */
@Tag("database")
@SpringBootTest(
        webEnvironment = SpringBootTest.WebEnvironment.DEFINED_PORT,
        properties = {
            "spring.config.name=notifier-service",
            "milestones.subscriptions.token-secret=" + NotifierTestKit.TOKEN_SECRET,
            "milestones.mail.rate-per-second=0",
            "milestones.delivery.retry.attempts=3",
            "milestones.delivery.retry.delay-ms=200",
            "milestones.delivery.retry.multiplier=1.0",
            "milestones.delivery.retry.max-delay-ms=200",
            "milestones.suppression.soft-bounce-threshold=2",
            "milestones.suppression.admin-api-key=" + DeliverabilityIT.ADMIN_KEY,
            "milestones.webhooks.ses.enabled=true",
            "milestones.webhooks.ses.topic-arns=" + WebhooksTest.TOPIC,
            "milestones.webhooks.sendgrid.enabled=true",
            "milestones.webhooks.postmark.enabled=true",
            "milestones.webhooks.postmark.username=postmark",
            "milestones.webhooks.postmark.password=" + WebhooksTest.POSTMARK_PASSWORD,
        })
class DeliverabilityIT {

    static final String ADMIN_KEY = "test-admin-key";
    static final int PORT = NotifierTestKit.freePort();
    static final List<String> GOOD = addresses("good", 4);
    static final List<String> DEAD = addresses("dead", 3);
    static final List<String> BUSY = addresses("busy", 2);

    static final RejectingSmtpServer SMTP =
            new RejectingSmtpServer(
                    address ->
                            address.startsWith("dead-")
                                    ? 550
                                    : address.startsWith("busy-") ? 451 : 250);

    @RegisterExtension static KafkaBrokerExtension kafka = new KafkaBrokerExtension();
    @RegisterExtension static TestDatabaseExtension db = new TestDatabaseExtension();

    @DynamicPropertySource
    static void infrastructure(DynamicPropertyRegistry registry) {
        registry.add("spring.kafka.bootstrap-servers", kafka::bootstrapServers);
        registry.add("spring.mail.port", SMTP::port);
        registry.add("server.port", () -> PORT);
        registry.add("milestones.public-base-url", () -> "http://localhost:" + PORT);
        WebhooksTest.register(registry);
        BounceMailboxTest.register(registry);
        db.register(registry);
    }

    @AfterAll
    static void stopSmtp() {
        SMTP.close();
        WebhooksTest.stop();
        BounceMailboxTest.stop();
    }

    /** The providers' webhooks, in this class's Spring context (no second one). */
    @Nested
    class Webhooks extends WebhooksTest {}

    /** The bounce mailbox, in this class's Spring context. */
    @Nested
    class BounceMailbox extends BounceMailboxTest {}

    @Autowired JdbcTemplate jdbc;

    @Test
    void shouldNeverMailAHardBouncedAddressAgainAndSuppressSoftBouncesPastTheThreshold()
            throws Exception {
        List<String> everyone = new ArrayList<>(GOOD);
        everyone.addAll(DEAD);
        everyone.addAll(BUSY);
        subscribe(everyone, "country:PT");

        // Milestone 1: dead addresses refused with 550, busy ones with 451 on every attempt.
        celebrate(100);
        await().atMost(Duration.ofSeconds(120))
                .untilAsserted(
                        () -> {
                            assertThat(statuses("country:PT:100")).isEqualTo("FAILED=5, SENT=4");
                            assertThat(suppressed()).containsExactlyInAnyOrderElementsOf(DEAD);
                        });
        assertThat(bounces("country:PT:100")).isEqualTo("HARD=3, SOFT=2");
        // VERP: the envelope sender names the delivery row
        String token =
                jdbc.queryForObject(
                        "select return_token from deliveries where milestone_id = ?"
                                + " and recipient = ?",
                        String.class,
                        "country:PT:100",
                        GOOD.get(0));
        assertThat(
                        SMTP.received().stream()
                                .filter(m -> m.recipients().contains(GOOD.get(0)))
                                .map(RejectingSmtpServer.Received::returnPath))
                .containsExactly("bounces+" + token + "@bounces.school.example");
        GOOD.forEach(a -> assertThat(SMTP.receivedBy(a)).isEqualTo(1));
        DEAD.forEach(a -> assertThat(SMTP.attempts(a)).isEqualTo(1));
        BUSY.forEach(a -> assertThat(SMTP.attempts(a)).isEqualTo(3)); // retried, not suppressed
        assertThat(summary("country:PT:100"))
                .contains(
                        "\"email\":{\"bouncedHard\":3,\"bouncedSoft\":2,\"complained\":0,"
                                + "\"suppressedBeforeSend\":0,\"suppressedAtSend\":0}");

        // Milestone 2: no request for the dead ones; the busy ones soft-bounce a second time.
        celebrate(200);
        await().atMost(Duration.ofSeconds(120))
                .untilAsserted(
                        () -> {
                            assertThat(statuses("country:PT:200"))
                                    .isEqualTo("SENT=4, SUPPRESSED=2");
                            assertThat(suppressed()).hasSize(5);
                        });
        DEAD.forEach(a -> assertThat(SMTP.attempts(a)).isEqualTo(1));
        BUSY.forEach(a -> assertThat(SMTP.attempts(a)).isEqualTo(4)); // once, then suppressed
        assertThat(summary("country:PT:200"))
                .contains("\"suppressedBeforeSend\":3,\"suppressedAtSend\":2}");

        // Milestone 3: nobody suppressed is attempted at all.
        celebrate(300);
        await().atMost(Duration.ofSeconds(120))
                .untilAsserted(() -> assertThat(statuses("country:PT:300")).isEqualTo("SENT=4"));
        DEAD.forEach(a -> assertThat(SMTP.attempts(a)).isEqualTo(1));
        BUSY.forEach(a -> assertThat(SMTP.attempts(a)).isEqualTo(4));
        GOOD.forEach(a -> assertThat(SMTP.receivedBy(a)).isEqualTo(3));
        assertThat(summary("country:PT:300")).contains("\"suppressedBeforeSend\":5");
    }

    @Test
    void shouldListSuppressionsMaskedLookThemUpAndLiftThem() throws Exception {
        String address = "lift-me@school.example";
        jdbc.update(
                "insert into suppressions (address_hash, address, reason, source, created_at)"
                        + " values (?, ?, 'HARD_BOUNCE', 'smtp', current_timestamp)",
                AddressHash.of(address),
                address);
        String hash = AddressHash.of(address);

        assertThat(admin("GET", "/api/admin/suppressions?size=500", null, "wrong").statusCode())
                .isEqualTo(403);
        var list = admin("GET", "/api/admin/suppressions?size=500", null, ADMIN_KEY);
        assertThat(list.statusCode()).isEqualTo(200);
        assertThat(list.body())
                .contains("\"addressHash\":\"" + hash + "\",\"address\":\"l***@school.example\"")
                .doesNotContain(address);

        var found =
                admin(
                        "POST",
                        "/api/admin/suppressions/lookup",
                        "{\"email\":\"Lift-Me@School.example\"}",
                        ADMIN_KEY);
        assertThat(found.statusCode()).isEqualTo(200);
        assertThat(found.body()).contains("\"reason\":\"HARD_BOUNCE\",\"source\":\"smtp\"");
        var bad = admin("POST", "/api/admin/suppressions/lookup", "{\"email\":\"x\"}", ADMIN_KEY);
        assertThat(bad.statusCode()).isEqualTo(400);
        assertThat(bad.body()).contains("email");

        assertThat(admin("DELETE", "/api/admin/suppressions/" + hash, null, ADMIN_KEY).statusCode())
                .isEqualTo(204);
        assertThat(
                        admin(
                                        "POST",
                                        "/api/admin/suppressions/lookup",
                                        "{\"email\":\"lift-me@school.example\"}",
                                        ADMIN_KEY)
                                .statusCode())
                .isEqualTo(404);
        assertThat(admin("DELETE", "/api/admin/suppressions/" + hash, null, ADMIN_KEY).statusCode())
                .isEqualTo(404);
    }

    @Test
    void shouldKeepAnErasedAddressSuppressedByItsHash() {
        String address = "erase-me@school.example";
        UUID id = UUID.randomUUID();
        jdbc.update(
                "insert into subscriptions (id, email, language, status, teacher_id, created_at)"
                        + " values (?, ?, 'en', 'CONFIRMED', 't-erase', current_timestamp)",
                id,
                address);
        jdbc.update(
                "insert into suppressions (address_hash, address, reason, source, created_at)"
                        + " values (?, ?, 'COMPLAINT', 'sendgrid', current_timestamp)",
                AddressHash.of(address),
                address);

        NotifierTestKit.publish(
                kafka.bootstrapServers(),
                Topics.REGISTRATIONS,
                List.of(new TeacherErased("t-erase", Instant.parse("2021-12-04T00:00:00Z"))));

        await().atMost(Duration.ofSeconds(30))
                .untilAsserted(
                        () ->
                                assertThat(
                                                jdbc.queryForList(
                                                        "select address from suppressions"
                                                                + " where address_hash = ?",
                                                        String.class,
                                                        AddressHash.of(address)))
                                        .containsExactly((String) null));
        assertThat(
                        jdbc.queryForObject(
                                "select count(*) from suppressions where address = ?",
                                Integer.class,
                                address))
                .isZero();
    }

    private void subscribe(List<String> addresses, String scope) {
        List<Object[]> rows = new ArrayList<>();
        List<Object[]> scopes = new ArrayList<>();
        for (String address : addresses) {
            UUID id = UUID.randomUUID();
            rows.add(new Object[] {id, address});
            scopes.add(new Object[] {id, scope});
        }
        jdbc.batchUpdate(
                "insert into subscriptions (id, email, language, status, created_at)"
                        + " values (?, ?, 'en', 'CONFIRMED', current_timestamp)",
                rows);
        jdbc.batchUpdate(
                "insert into subscription_scopes (subscription_id, scope) values (?, ?)", scopes);
    }

    private static void celebrate(long threshold) {
        NotifierTestKit.publishMilestone(
                kafka.bootstrapServers(),
                milestone(Scope.country("PT"), threshold, new CrossedBy("t-1", "PT", null)));
    }

    private String statuses(String milestoneId) {
        return String.join(
                ", ",
                jdbc.queryForList(
                        "select status || '=' || count(*) from deliveries where milestone_id = ?"
                                + " and channel = 'EMAIL' group by status order by status",
                        String.class,
                        milestoneId));
    }

    private String bounces(String milestoneId) {
        return String.join(
                ", ",
                jdbc.queryForList(
                        "select bounce || '=' || count(*) from deliveries where milestone_id = ?"
                                + " and bounce is not null group by bounce order by bounce",
                        String.class,
                        milestoneId));
    }

    private List<String> suppressed() {
        return jdbc.queryForList(
                "select address from suppressions where source = 'smtp'", String.class);
    }

    private static String summary(String milestoneId) throws Exception {
        return get(URI.create(
                        "http://localhost:"
                                + PORT
                                + "/api/milestones/"
                                + milestoneId
                                + "/deliveries"))
                .body();
    }

    private static HttpResponse<String> admin(String method, String path, String json, String key)
            throws Exception {
        var request =
                HttpRequest.newBuilder(URI.create("http://localhost:" + PORT + path))
                        .header("X-API-Key", key)
                        .header("Content-Type", "application/json")
                        .method(
                                method,
                                json == null
                                        ? HttpRequest.BodyPublishers.noBody()
                                        : HttpRequest.BodyPublishers.ofString(json));
        return HttpClient.newHttpClient()
                .send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    private static List<String> addresses(String prefix, int n) {
        return IntStream.range(0, n).mapToObj(i -> prefix + "-" + i + "@school.example").toList();
    }
}
