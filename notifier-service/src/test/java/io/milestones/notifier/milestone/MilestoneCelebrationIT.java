package io.milestones.notifier.milestone;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.icegreen.greenmail.configuration.GreenMailConfiguration;
import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.ServerSetupTest;
import io.milestones.events.CloudEvent;
import io.milestones.events.CrossedBy;
import io.milestones.events.EventJson;
import io.milestones.events.EventType;
import io.milestones.events.MilestoneReached;
import io.milestones.events.Scope;
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
import java.util.Map;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
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

    @Test
    void shouldSendMultipartCongratulationAndComposeThePostWithTheCampaignHashtag()
            throws Exception {
        var milestone =
                new MilestoneReached(
                        "global:1000000",
                        Scope.GLOBAL,
                        1_000_000,
                        1_000_000,
                        Instant.parse("2021-12-03T10:15:30Z"),
                        Instant.parse("2021-12-03T10:15:31Z"),
                        new CrossedBy("t-1", "IT", "Giulia <b>Rossi</b>"));
        publish(milestone.milestoneId(), EventJson.write(milestone), true);

        await().atMost(Duration.ofSeconds(60))
                .untilAsserted(() -> assertThat(smtp.getReceivedMessages()).hasSize(2));
        // one mail to each team address, each the whole celebration
        assertThat(smtp.getReceivedMessages())
                .extracting(NotifierTestKit::to)
                .containsExactlyInAnyOrder("ops@example.org", "board@example.org");
        for (MimeMessage mail : smtp.getReceivedMessages()) {
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
            assertThat(html)
                    .contains("#1MeTwinners")
                    .contains("Giulia &lt;b&gt;Rossi&lt;/b&gt;")
                    .doesNotContain("<b>Rossi</b>");
        }

        // Prometheus scrapes the deliveries (ops/prometheus/prometheus.yml); the mark trails the
        // mail
        await().atMost(Duration.ofSeconds(10))
                .untilAsserted(
                        () ->
                                assertThat(get("/actuator/prometheus"))
                                        .contains(
                                                "milestones_deliveries_total{channel=\"email\",status=\"sent\"} 2.0"));
        await().atMost(Duration.ofSeconds(10))
                .untilAsserted(
                        () ->
                                assertThat(get("/api/social/posts"))
                                        .contains("#1MeTwinners #eTwinners")
                                        .contains("What is the best result you and your students"));
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
