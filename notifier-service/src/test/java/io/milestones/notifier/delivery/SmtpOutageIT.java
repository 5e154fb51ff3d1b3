package io.milestones.notifier.delivery;

import static io.milestones.notifier.testing.NotifierTestKit.get;
import static io.milestones.notifier.testing.NotifierTestKit.milestone;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.icegreen.greenmail.configuration.GreenMailConfiguration;
import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import io.milestones.events.CrossedBy;
import io.milestones.events.EventJson;
import io.milestones.events.Scope;
import io.milestones.events.Topics;
import io.milestones.notifier.testing.NotifierTestKit;
import io.milestones.testing.KafkaBrokerExtension;
import io.milestones.testing.KafkaTestClients;
import io.milestones.testing.TestDatabaseExtension;
import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The SMTP server is down when a milestone is fanned out: requests wait in retry topics without
 * blocking anyone, and once it is back every e-mail arrives exactly once. A request that keeps
 * failing ends on notification-requests-dlt and is reported, masked, by the status API.
 */
@SpringBootTest(
        webEnvironment = SpringBootTest.WebEnvironment.DEFINED_PORT,
        properties = {
            "spring.config.name=notifier-service",
            "milestones.subscriptions.token-secret=" + NotifierTestKit.TOKEN_SECRET,
            "milestones.mail.rate-per-second=0",
            "milestones.delivery.retry.attempts=" + SmtpOutageIT.ATTEMPTS,
            "milestones.delivery.retry.delay-ms=500",
            "milestones.delivery.retry.multiplier=2.0",
            "milestones.delivery.retry.max-delay-ms=4000",
            "spring.mail.properties.mail.smtp.connectiontimeout=1000",
        })
class SmtpOutageIT {

    /**
     * Eight attempts, 0.5 s doubling to at most 4 s apart: about 20 s of retries to outlast a slow
     * machine, and a mail server that comes back is tried again within 4 s.
     */
    static final int ATTEMPTS = 8;

    static final int SUBSCRIBERS = 30;
    static final int PORT = NotifierTestKit.freePort();
    static final int SMTP_PORT = NotifierTestKit.freePort();

    @RegisterExtension static KafkaBrokerExtension kafka = new KafkaBrokerExtension();
    @RegisterExtension static TestDatabaseExtension db = new TestDatabaseExtension();

    static GreenMail smtp;

    @DynamicPropertySource
    static void infrastructure(DynamicPropertyRegistry registry) {
        registry.add("spring.kafka.bootstrap-servers", kafka::bootstrapServers);
        registry.add("spring.mail.port", () -> SMTP_PORT);
        registry.add("server.port", () -> PORT);
        registry.add("milestones.public-base-url", () -> "http://localhost:" + PORT);
        db.register(registry);
    }

    @AfterAll
    static void stopSmtp() {
        if (smtp != null) {
            smtp.stop();
        }
    }

    @Autowired JdbcTemplate jdbc;

    @Test
    @Tag("database")
    void shouldDeliverEveryMailExactlyOnceAfterTheSmtpServerComesBack() throws Exception {
        List<Object[]> rows = new ArrayList<>();
        List<Object[]> scopes = new ArrayList<>();
        for (int i = 0; i < SUBSCRIBERS; i++) {
            UUID id = UUID.randomUUID();
            rows.add(new Object[] {id, "r-" + i + "@school.example"});
            scopes.add(new Object[] {id, "country:PT"});
        }
        jdbc.batchUpdate(
                "insert into subscriptions (id, email, language, status, created_at)"
                        + " values (?, ?, 'en', 'CONFIRMED', current_timestamp)",
                rows);
        jdbc.batchUpdate(
                "insert into subscription_scopes (subscription_id, scope) values (?, ?)", scopes);

        // SMTP is down: every first attempt fails, and so does at least one retry.
        NotifierTestKit.publishMilestone(
                kafka.bootstrapServers(),
                milestone(Scope.country("PT"), 100, new CrossedBy("t-1", "PT", null)));
        await().atMost(Duration.ofSeconds(120))
                .untilAsserted(
                        () ->
                                assertThat(
                                                jdbc.queryForObject(
                                                        "select count(*) from deliveries"
                                                                + " where status = 'PENDING'"
                                                                + " and attempts >= 2",
                                                        Integer.class))
                                        .isEqualTo(SUBSCRIBERS));
        var summary =
                get(
                        URI.create(
                                "http://localhost:"
                                        + PORT
                                        + "/api/milestones/country:PT:100/deliveries"));
        assertThat(summary.body())
                .contains("\"EMAIL\":{\"requested\":30,\"sent\":0,\"failed\":0,\"pending\":30");

        smtp =
                new GreenMail(new ServerSetup(SMTP_PORT, "localhost", ServerSetup.PROTOCOL_SMTP))
                        .withConfiguration(
                                GreenMailConfiguration.aConfig().withDisabledAuthentication());
        smtp.start();

        await().atMost(Duration.ofSeconds(120))
                .untilAsserted(() -> assertThat(smtp.getReceivedMessages()).hasSize(SUBSCRIBERS));
        await().during(Duration.ofSeconds(3))
                .atMost(Duration.ofSeconds(10))
                .untilAsserted(() -> assertThat(smtp.getReceivedMessages()).hasSize(SUBSCRIBERS));
        assertThat(Arrays.stream(smtp.getReceivedMessages()).map(NotifierTestKit::to).distinct())
                .hasSize(SUBSCRIBERS);
        assertThat(
                        get(URI.create(
                                        "http://localhost:"
                                                + PORT
                                                + "/api/milestones/country:PT:100/deliveries"))
                                .body())
                .contains(
                        "\"EMAIL\":{\"requested\":30,\"sent\":30,\"failed\":0,\"pending\":0,\"queued\":0}");
    }

    @Test
    void shouldDeadLetterARequestThatKeepsFailingAndReportItMasked() throws Exception {
        // A request for a milestone the notifier never recorded fails on every attempt.
        var request =
                new NotificationRequest(
                        "global:404", Channel.EMAIL, "lost.soul@school.example", "en", null, false);
        try (var producer =
                new KafkaProducer<>(
                        Map.<String, Object>of(
                                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, kafka.bootstrapServers()),
                        new StringSerializer(),
                        new ByteArraySerializer())) {
            producer.send(
                            new ProducerRecord<>(
                                    Topics.NOTIFICATION_REQUESTS,
                                    request.recipient(),
                                    EventJson.write(request)))
                    .get();
        }
        await().atMost(Duration.ofSeconds(90))
                .untilAsserted(
                        () ->
                                assertThat(
                                                KafkaTestClients.readCommitted(
                                                        kafka.bootstrapServers(),
                                                        Topics.deadLetter(
                                                                Topics.NOTIFICATION_REQUESTS)))
                                        .extracting(r -> r.key())
                                        .contains("lost.soul@school.example"));
        await().atMost(Duration.ofSeconds(30))
                .untilAsserted(
                        () ->
                                assertThat(
                                                get(URI.create(
                                                                "http://localhost:"
                                                                        + PORT
                                                                        + "/api/milestones/global:404/deliveries/failures?page=0"))
                                                        .body())
                                        .contains("\"recipient\":\"l***@school.example\"")
                                        .contains("\"attempts\":" + ATTEMPTS)
                                        .contains("retries exhausted")
                                        .doesNotContain("lost.soul"));
    }
}
