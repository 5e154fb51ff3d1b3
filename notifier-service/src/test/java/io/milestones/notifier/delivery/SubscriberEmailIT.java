package io.milestones.notifier.delivery;

import static io.milestones.notifier.testing.NotifierTestKit.get;
import static io.milestones.notifier.testing.NotifierTestKit.header;
import static io.milestones.notifier.testing.NotifierTestKit.html;
import static io.milestones.notifier.testing.NotifierTestKit.inlineParts;
import static io.milestones.notifier.testing.NotifierTestKit.milestone;
import static io.milestones.notifier.testing.NotifierTestKit.subject;
import static io.milestones.notifier.testing.NotifierTestKit.text;
import static io.milestones.notifier.testing.NotifierTestKit.to;
import static io.milestones.notifier.testing.NotifierTestKit.unsubscribeUrl;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.icegreen.greenmail.configuration.GreenMailConfiguration;
import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.ServerSetupTest;
import io.milestones.events.CrossedBy;
import io.milestones.events.Scope;
import io.milestones.events.Topics;
import io.milestones.notifier.testing.NotifierTestKit;
import io.milestones.testing.KafkaBrokerExtension;
import io.milestones.testing.KafkaTestClients;
import io.milestones.testing.TestDatabaseExtension;
import jakarta.mail.BodyPart;
import jakarta.mail.Part;
import jakarta.mail.internet.MimeMessage;
import java.awt.image.BufferedImage;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * A thousand teachers who consented, in three languages, on a real broker, database and SMTP
 * server: one milestone becomes exactly one e-mail each, in their language, with working one-click
 * unsubscribe headers.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
@SpringBootTest(
        webEnvironment = SpringBootTest.WebEnvironment.DEFINED_PORT,
        properties = {
            "spring.config.name=notifier-service",
            "milestones.subscriptions.token-secret=" + NotifierTestKit.TOKEN_SECRET,
            "milestones.mail.rate-per-second=0",
            "milestones.delivery.concurrency=6",
        })
class SubscriberEmailIT {

    static final int TEACHERS = 1_000;
    static final int PORT = NotifierTestKit.freePort();

    @RegisterExtension static KafkaBrokerExtension kafka = new KafkaBrokerExtension();
    @RegisterExtension static TestDatabaseExtension db = new TestDatabaseExtension();

    @RegisterExtension
    static GreenMailExtension smtp =
            new GreenMailExtension(ServerSetupTest.SMTP.dynamicPort())
                    .withConfiguration(
                            GreenMailConfiguration.aConfig().withDisabledAuthentication())
                    .withPerMethodLifecycle(false);

    @DynamicPropertySource
    static void infrastructure(DynamicPropertyRegistry registry) {
        registry.add("spring.kafka.bootstrap-servers", kafka::bootstrapServers);
        registry.add("spring.mail.port", () -> smtp.getSmtp().getPort());
        registry.add("server.port", () -> PORT);
        registry.add("milestones.public-base-url", () -> "http://localhost:" + PORT);
        db.register(registry);
    }

    @Autowired JdbcTemplate jdbc;

    @Test
    @Tag("database")
    @Order(1)
    void shouldSendExactlyOneMailPerSubscriberInTheirLanguage() throws Exception {
        // Seeded in SQL: the registrations path is SubscriptionFlowIT's; this one is about fan-out
        // and delivery, and a thousand events would only slow the suite down.
        String[][] mix = {{"it", "IT"}, {"fr", "FR"}, {"pl", "PL"}};
        List<Object[]> rows = new ArrayList<>();
        List<Object[]> scopes = new ArrayList<>();
        for (int i = 0; i < TEACHERS; i++) {
            UUID id = UUID.randomUUID();
            rows.add(new Object[] {id, "t-" + i + "@school.example", mix[i % 3][0], "t-" + i});
            scopes.add(new Object[] {id, "global"});
            scopes.add(new Object[] {id, "country:" + mix[i % 3][1]});
        }
        jdbc.batchUpdate(
                "insert into subscriptions (id, email, language, status, teacher_id, created_at)"
                        + " values (?, ?, ?, 'CONFIRMED', ?, current_timestamp)",
                rows);
        jdbc.batchUpdate(
                "insert into subscription_scopes (subscription_id, scope) values (?, ?)", scopes);
        jdbc.update(
                "insert into subscriptions (id, email, language, status, created_at)"
                        + " values (?, 'pending@school.example', 'it', 'PENDING', current_timestamp)",
                UUID.randomUUID());
        assertThat(subscribers()).isEqualTo(TEACHERS);

        long start = System.nanoTime();
        NotifierTestKit.publishMilestone(
                kafka.bootstrapServers(),
                milestone(Scope.GLOBAL, 1_000_000, new CrossedBy("t-0", "IT", null)));

        await().atMost(Duration.ofSeconds(120))
                .pollInterval(Duration.ofMillis(250))
                .untilAsserted(
                        () ->
                                assertThat(smtp.getReceivedMessages())
                                        .hasSizeGreaterThanOrEqualTo(TEACHERS));
        System.out.printf(
                "[benchmark] %d e-mails fanned out and delivered in %d ms%n",
                TEACHERS, (System.nanoTime() - start) / 1_000_000);
        await().during(Duration.ofSeconds(2))
                .atMost(Duration.ofSeconds(10))
                .untilAsserted(() -> assertThat(smtp.getReceivedMessages()).hasSize(TEACHERS));

        MimeMessage[] mails = smtp.getReceivedMessages();
        Map<String, MimeMessage> byRecipient =
                Arrays.stream(mails)
                        .collect(Collectors.toMap(NotifierTestKit::to, Function.identity()));
        assertThat(byRecipient).hasSize(TEACHERS).doesNotContainKey("pending@school.example");
        Map<String, String> subjects =
                Map.of(
                        "it", "eTwinning: 1.000.000 insegnanti insieme!",
                        "fr", "eTwinning : 1\u202f000\u202f000 enseignants ensemble !",
                        "pl", "eTwinning: 1\u00a0000\u00a0000 nauczycieli razem!");
        for (int i = 0; i < TEACHERS; i++) {
            MimeMessage mail = byRecipient.get("t-" + i + "@school.example");
            String language = mix[i % 3][0];
            assertThat(subject(mail)).isEqualTo(subjects.get(language));
            assertThat(header(mail, "Message-ID")).startsWith("<global.1000000.");
            assertThat(header(mail, "List-Unsubscribe"))
                    .matches(
                            "<http://localhost:\\d+/unsubscribe\\?token=[\\w.-]+>,"
                                    + " <mailto:unsubscribe@milestones\\.etwinning\\.example\\?subject=unsubscribe%20[\\w.-]+>");
            assertThat(header(mail, "List-Unsubscribe-Post"))
                    .isEqualTo("List-Unsubscribe=One-Click");
        }
        assertThat(Arrays.stream(mails).map(m -> header(m, "Message-ID")).distinct())
                .hasSize(TEACHERS);
        MimeMessage italian = byRecipient.get("t-3@school.example");
        assertThat(text(italian)).contains("1.000.000").contains("#1MeTwinners");
        assertThat(html(italian)).contains("Annulla l’iscrizione");
        assertCardInline(italian, "global.1000000.it@milestones.etwinning.example");
        assertThat(text(italian)).doesNotContain("cid:");
        // The link of the header leads to a page (GET changes nothing).
        var page = get(unsubscribeUrl(italian));
        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.body()).contains("<form method=\"post\"");
        assertThat(subscribers()).isEqualTo(TEACHERS);
        assertThat(deliveries("SENT")).isEqualTo(TEACHERS);
        assertThat(
                        KafkaTestClients.readCommitted(
                                kafka.bootstrapServers(), Topics.NOTIFICATION_REQUESTS))
                .hasSize(TEACHERS);
    }

    @Test
    @Order(2)
    void shouldNameTheCountryInTheReadersLanguageAndGreetTheTeacherWhoCrossedIt() throws Exception {
        smtp.purgeEmailFromAllMailboxes();
        // her name as teacher-contacts brought it; she did not agree to be named to others
        jdbc.update(
                "insert into teacher_names (teacher_id, display_name, public_name, updated_at)"
                        + " values ('t-3', ?, false, current_timestamp)",
                "Giulia\r\nBcc: victim@example.org");
        NotifierTestKit.publishMilestone(
                kafka.bootstrapServers(),
                milestone(Scope.country("IT"), 50_000, new CrossedBy("t-3", "IT", null)));
        int italians = (TEACHERS + 2) / 3;
        await().atMost(Duration.ofSeconds(60))
                .untilAsserted(() -> assertThat(smtp.getReceivedMessages()).hasSize(italians));
        MimeMessage personal =
                Arrays.stream(smtp.getReceivedMessages())
                        .filter(m -> to(m).equals("t-3@school.example"))
                        .findFirst()
                        .orElseThrow();
        assertThat(subject(personal))
                .isEqualTo(
                        "Giulia Bcc: victim@example.org, grazie a te eTwinning conta 50.000 insegnanti in Italia!");
        assertThat(personal.getHeader("Bcc")).isNull();
        assertThat(personal.getAllRecipients()).hasSize(1);
        assertThat(smtp.getReceivedMessagesForDomain("example.org")).isEmpty();
        assertThat(html(personal)).contains("è la tua registrazione ad aver tagliato il traguardo");
        MimeMessage other =
                Arrays.stream(smtp.getReceivedMessages())
                        .filter(m -> to(m).equals("t-6@school.example"))
                        .findFirst()
                        .orElseThrow();
        assertThat(subject(other)).isEqualTo("eTwinning in Italia: 50.000 insegnanti!");
    }

    /**
     * The celebration card travels inside the message: the root is multipart/related, the HTML
     * shows it by cid:, the PNG part carries that Content-ID, is inline and sized for mail clients.
     */
    private static void assertCardInline(MimeMessage mail, String contentId) throws Exception {
        assertThat(mail.getContentType()).startsWith("multipart/related");
        assertThat(html(mail))
                .contains("src=\"cid:card." + contentId + "\"")
                .contains("width=\"536\" height=\"302\"")
                .containsPattern("alt=\"[^\"]*1\\.000\\.000[^\"]*\"");
        List<BodyPart> inline = inlineParts(mail);
        assertThat(inline).hasSize(1);
        BodyPart card = inline.get(0);
        assertThat(card.getContentType()).startsWith("image/png");
        assertThat(card.getHeader("Content-ID")).containsExactly("<card." + contentId + ">");
        assertThat(card.getDisposition()).isEqualTo(Part.INLINE);
        BufferedImage png = ImageIO.read(card.getInputStream());
        assertThat(png.getWidth()).isEqualTo(536);
        assertThat(png.getHeight()).isEqualTo(302);
    }

    private int subscribers() {
        return jdbc.queryForObject(
                "select count(*) from subscriptions where status = 'CONFIRMED'", Integer.class);
    }

    /** E-mail deliveries in {@code status} (the social "log" post is a delivery too). */
    private int deliveries(String status) {
        return jdbc.queryForObject(
                "select count(*) from deliveries where status = ? and channel = 'EMAIL'",
                Integer.class,
                status);
    }
}
