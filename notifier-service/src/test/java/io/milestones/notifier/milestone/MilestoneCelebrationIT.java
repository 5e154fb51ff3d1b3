package io.milestones.notifier.milestone;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.icegreen.greenmail.configuration.GreenMailConfiguration;
import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.ServerSetupTest;
import io.milestones.events.CloudEvent;
import io.milestones.events.Consents;
import io.milestones.events.CrossedBy;
import io.milestones.events.EventJson;
import io.milestones.events.EventType;
import io.milestones.events.MilestoneReached;
import io.milestones.events.Scope;
import io.milestones.events.TeacherContact;
import io.milestones.events.Topics;
import io.milestones.notifier.testing.NotifierTestKit;
import io.milestones.testing.KafkaBrokerExtension;
import io.milestones.testing.KafkaTestClients;
import io.milestones.testing.TestDatabaseExtension;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeMultipart;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/** A milestone on a real broker becomes e-mails in a real SMTP server and a composed post. */
@SpringBootTest(
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {
            "spring.config.name=notifier-service",
            "milestones.mail.recipients=ops@example.org,board@example.org",
            "milestones.retry.max-elapsed=1s",
            "milestones.subscriptions.token-secret=" + NotifierTestKit.TOKEN_SECRET,
        })
class MilestoneCelebrationIT {

    @RegisterExtension static KafkaBrokerExtension kafka = new KafkaBrokerExtension();
    @RegisterExtension static TestDatabaseExtension db = new TestDatabaseExtension();

    @RegisterExtension
    static GreenMailExtension smtp =
            new GreenMailExtension(ServerSetupTest.SMTP.dynamicPort())
                    .withConfiguration(
                            GreenMailConfiguration.aConfig().withDisabledAuthentication())
                    // one server (on a free port) for the class, as the Spring context is one
                    .withPerMethodLifecycle(false);

    @org.junit.jupiter.api.BeforeEach
    void emptyInbox() throws Exception {
        smtp.purgeEmailFromAllMailboxes();
    }

    @DynamicPropertySource
    static void infrastructure(DynamicPropertyRegistry registry) {
        registry.add("spring.kafka.bootstrap-servers", kafka::bootstrapServers);
        db.register(registry);
        registry.add("spring.mail.port", () -> smtp.getSmtp().getPort());
    }

    @LocalServerPort int port;

    @Autowired JdbcTemplate jdbc;

    @Test
    void shouldSendMultipartCongratulationAndComposeThePostWithTheCampaignHashtag()
            throws Exception {
        // Giulia agreed to be named: her name (from teacher-contacts, never from milestones)
        NotifierTestKit.publish(
                kafka.bootstrapServers(),
                Topics.TEACHER_CONTACTS,
                List.of(
                        new TeacherContact(
                                "t-1",
                                "IT",
                                "it",
                                "Giulia <b>Rossi</b>",
                                "giulia@school.example",
                                new Consents(false, true))));
        awaitName("t-1", "Giulia <b>Rossi</b>");
        var milestone =
                new MilestoneReached(
                        "global:1000000",
                        Scope.GLOBAL,
                        1_000_000,
                        1_000_000,
                        Instant.parse("2021-12-03T10:15:30Z"),
                        Instant.parse("2021-12-03T10:15:31Z"),
                        new CrossedBy("t-1", "IT", null));
        publish(milestone.milestoneId(), EventJson.write(milestone), true);

        // subscribers of other tests may receive it too; the team addresses always do
        MimeMessage mail = mailTo("ops@example.org", "global.1000000");
        assertThat(mail.getSubject()).isEqualTo("eTwinning: 1,000,000 teachers together!");
        assertThat(mail.getHeader("Message-ID")[0]).startsWith("<global.1000000.");
        var alternative = alternativeOf(mail);
        assertThat(alternative.getContentType()).startsWith("multipart/alternative");
        assertThat(alternative.getCount()).isEqualTo(2);
        assertThat(alternative.getBodyPart(0).getContentType()).startsWith("text/plain");
        assertThat(alternative.getBodyPart(1).getContentType()).startsWith("text/html");
        String text = (String) alternative.getBodyPart(0).getContent();
        String html = (String) alternative.getBodyPart(1).getContent();
        assertThat(text).contains("1,000,000").contains("#1MeTwinners");
        assertThat(html).contains("#1MeTwinners").contains("Giulia &lt;b&gt;Rossi&lt;/b&gt;");
        assertThat(html).doesNotContain("<b>Rossi</b>");

        // Prometheus scrapes the deliveries (ops/prometheus/prometheus.yml); the mark trails the
        // mail
        await().atMost(Duration.ofSeconds(10))
                .untilAsserted(
                        () ->
                                assertThat(get("/actuator/prometheus"))
                                        // the team's two, and any subscriber another test left
                                        .containsPattern(
                                                "milestones_deliveries_total\\{channel=\"email\",status=\"sent\"\\} [2-9]")
                                        // and the listener's timer, though the subscriber batch
                                        // listener had a record before it (a timer of the same
                                        // name with other tags hid it)
                                        .containsPattern(
                                                "spring_kafka_listener_seconds_count\\{[^}]*"
                                                        + "messaging_source_name=\"milestones\""
                                                        + "[^}]*\\} [1-9]"));
        await().atMost(Duration.ofSeconds(10))
                .untilAsserted(
                        () ->
                                assertThat(get("/api/social/posts"))
                                        .contains("#1MeTwinners #eTwinners")
                                        .contains("What is the best result you and your students"));
    }

    /**
     * Her registration and her contact leave registration-service together, but the milestone comes
     * on one topic and her contact on another: the e-mails wait for her contact (read moments
     * later), so that they name her as she agreed.
     */
    @Test
    void shouldWaitForTheCrossingTeachersContactSoThatItsEMailsNameHer() throws Exception {
        var milestone =
                new MilestoneReached(
                        "country:FR:1000",
                        Scope.country("FR"),
                        1_000,
                        1_000,
                        Instant.now(),
                        Instant.now(), // detected now: her contact may take a few seconds
                        new CrossedBy("t-late", "FR", null));
        publish(milestone.milestoneId(), EventJson.write(milestone), true);
        await().atMost(Duration.ofSeconds(60))
                .until(
                        () ->
                                jdbc.queryForObject(
                                                "select count(*) from celebrated_milestones"
                                                        + " where milestone_id = ?",
                                                Integer.class,
                                                milestone.milestoneId())
                                        == 1);
        // her contact not read yet: no e-mail of this milestone goes out meanwhile
        await().during(Duration.ofSeconds(1))
                .atMost(Duration.ofSeconds(3))
                .until(() -> mailsOf("country.FR.1000") == 0);

        NotifierTestKit.publish(
                kafka.bootstrapServers(),
                Topics.TEACHER_CONTACTS,
                List.of(
                        new TeacherContact(
                                "t-late",
                                "FR",
                                "fr",
                                "Camille Martin",
                                "camille@school.example",
                                new Consents(false, true))));

        MimeMessage mail = mailTo("ops@example.org", "country.FR.1000");
        assertThat((String) alternativeOf(mail).getBodyPart(0).getContent())
                .contains("Camille Martin");
    }

    private long mailsOf(String messageIdPrefix) {
        return java.util.Arrays.stream(smtp.getReceivedMessages())
                .filter(
                        m -> {
                            try {
                                return m.getHeader("Message-ID")[0].startsWith(
                                        "<" + messageIdPrefix + ".");
                            } catch (Exception e) {
                                return false;
                            }
                        })
                .count();
    }

    @Test
    void shouldNameNobodyWhoDidNotAgreeToBeNamedInMailsPostsOrCard() throws Exception {
        NotifierTestKit.publish(
                kafka.bootstrapServers(),
                Topics.TEACHER_CONTACTS,
                List.of(
                        new TeacherContact(
                                "t-2",
                                "PL",
                                "pl",
                                "Marek Nowicki",
                                "marek@school.example",
                                new Consents(true, false))));
        awaitName("t-2", "Marek Nowicki");
        var milestone =
                new MilestoneReached(
                        "country:PL:5000",
                        Scope.country("PL"),
                        5_000,
                        5_000,
                        Instant.parse("2021-12-03T10:15:30Z"),
                        Instant.parse("2021-12-03T10:15:31Z"),
                        new CrossedBy("t-2", "PL", null));
        publish(milestone.milestoneId(), EventJson.write(milestone), true);

        for (String to : List.of("ops@example.org", "board@example.org")) {
            MimeMessage mail = mailTo(to, "country.PL.5000");
            var alternative = alternativeOf(mail);
            assertThat(mail.getSubject()).doesNotContain("Marek");
            assertThat((String) alternative.getBodyPart(0).getContent())
                    .contains("5,000")
                    .doesNotContain("Marek");
            assertThat((String) alternative.getBodyPart(1).getContent()).doesNotContain("Marek");
        }
        // the personal note to Marek himself needs no consent beyond receiving the mail
        MimeMessage own = mailTo("marek@school.example", "country.PL.5000");
        assertThat((String) alternativeOf(own).getBodyPart(0).getContent()).contains("Marek");
        await().atMost(Duration.ofSeconds(10))
                .untilAsserted(
                        () ->
                                assertThat(get("/api/social/posts"))
                                        .contains("country:PL:5000")
                                        .doesNotContain("Marek"));
    }

    private MimeMessage mailTo(String address, String messageIdPrefix) {
        return await().atMost(Duration.ofSeconds(60))
                .until(
                        () ->
                                java.util.Arrays.stream(smtp.getReceivedMessages())
                                        .filter(
                                                m -> {
                                                    try {
                                                        return m.getAllRecipients()[0]
                                                                        .toString()
                                                                        .equals(address)
                                                                && m.getHeader("Message-ID")[0]
                                                                        .startsWith(
                                                                                "<"
                                                                                        + messageIdPrefix
                                                                                        + ".");
                                                    } catch (Exception e) {
                                                        return false;
                                                    }
                                                })
                                        .findFirst()
                                        .orElse(null),
                        java.util.Objects::nonNull);
    }

    @Test
    void shouldForgetTheNameOnTheContactTombstone() throws Exception {
        NotifierTestKit.publish(
                kafka.bootstrapServers(),
                Topics.TEACHER_CONTACTS,
                List.of(
                        new TeacherContact(
                                "t-3",
                                "FR",
                                "fr",
                                "Chloé Martin",
                                "chloe@school.example",
                                new Consents(true, true))));
        awaitName("t-3", "Chloé Martin");

        NotifierTestKit.publishTombstone(kafka.bootstrapServers(), Topics.TEACHER_CONTACTS, "t-3");

        await().atMost(Duration.ofSeconds(60))
                .until(
                        () ->
                                jdbc.queryForObject(
                                                "select count(*) from teacher_names where"
                                                        + " teacher_id = 't-3'",
                                                Integer.class)
                                        == 0);
    }

    private void awaitName(String teacherId, String name) {
        await().atMost(Duration.ofSeconds(60))
                .until(
                        () ->
                                jdbc.queryForList(
                                                "select display_name from teacher_names where"
                                                        + " teacher_id = ?",
                                                String.class,
                                                teacherId)
                                        .contains(name));
    }

    @Test
    void shouldDeadLetterAPoisonMilestoneAndKeepConsuming() throws Exception {
        publish("global:bad", "{\"milestoneId\":\"global:bad\"}".getBytes(), true);

        await().atMost(Duration.ofSeconds(60))
                .untilAsserted(
                        () ->
                                assertThat(
                                                KafkaTestClients.readCommitted(
                                                        kafka.bootstrapServers(),
                                                        Topics.deadLetter(Topics.MILESTONES)))
                                        .extracting(r -> r.key())
                                        .containsExactly("global:bad"));
        // The social group reads the same record; once it has moved past it, still one copy.
        await().atMost(Duration.ofSeconds(60))
                .until(
                        () ->
                                KafkaTestClients.committedOffset(
                                                kafka.bootstrapServers(),
                                                "notifier-social",
                                                Topics.MILESTONES)
                                        >= KafkaTestClients.endOffset(
                                                kafka.bootstrapServers(), Topics.MILESTONES));
        assertThat(
                        KafkaTestClients.readCommitted(
                                kafka.bootstrapServers(), Topics.deadLetter(Topics.MILESTONES)))
                .extracting(r -> r.key())
                .containsExactly("global:bad");
    }

    /** The multipart/alternative (text + HTML) inside the message's multipart/related root. */
    private static MimeMultipart alternativeOf(MimeMessage mail) throws Exception {
        var root = (MimeMultipart) mail.getContent();
        return (MimeMultipart) root.getBodyPart(0).getContent();
    }

    private void publish(String key, byte[] value, boolean withHeaders) throws Exception {
        try (var producer =
                new KafkaProducer<>(
                        Map.<String, Object>of(
                                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, kafka.bootstrapServers()),
                        new StringSerializer(),
                        new ByteArraySerializer())) {
            var record = new ProducerRecord<>(Topics.MILESTONES, key, value);
            if (withHeaders) {
                new CloudEvent(key, "/test", EventType.MILESTONE_REACHED, Instant.now())
                        .writeTo(record.headers());
            }
            producer.send(record).get();
        }
    }

    private String get(String path) throws Exception {
        return HttpClient.newHttpClient()
                .send(
                        HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                                .build(),
                        HttpResponse.BodyHandlers.ofString())
                .body();
    }
}
