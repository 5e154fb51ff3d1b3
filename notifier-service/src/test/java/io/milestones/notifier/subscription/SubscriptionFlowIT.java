package io.milestones.notifier.subscription;

import static io.milestones.notifier.testing.NotifierTestKit.get;
import static io.milestones.notifier.testing.NotifierTestKit.milestone;
import static io.milestones.notifier.testing.NotifierTestKit.postForm;
import static io.milestones.notifier.testing.NotifierTestKit.postJson;
import static io.milestones.notifier.testing.NotifierTestKit.subject;
import static io.milestones.notifier.testing.NotifierTestKit.teacher;
import static io.milestones.notifier.testing.NotifierTestKit.text;
import static io.milestones.notifier.testing.NotifierTestKit.to;
import static io.milestones.notifier.testing.NotifierTestKit.unsubscribeMailto;
import static io.milestones.notifier.testing.NotifierTestKit.unsubscribeUrl;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.icegreen.greenmail.configuration.GreenMailConfiguration;
import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.GreenMailUtil;
import com.icegreen.greenmail.util.ServerSetup;
import com.icegreen.greenmail.util.ServerSetupTest;
import io.milestones.events.CrossedBy;
import io.milestones.events.Scope;
import io.milestones.events.TeacherErased;
import io.milestones.events.Topics;
import io.milestones.notifier.testing.NotifierTestKit;
import io.milestones.testing.KafkaBrokerExtension;
import io.milestones.testing.TestDatabaseExtension;
import jakarta.mail.internet.MimeMessage;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * Subscribing, confirming, unsubscribing and erasure, through the public endpoints and the real
 * mailbox: only a confirmed subscription receives milestone mail, and one click stops it.
 */
@SpringBootTest(
        webEnvironment = SpringBootTest.WebEnvironment.DEFINED_PORT,
        properties = {
            "spring.config.name=notifier-service",
            "milestones.subscriptions.token-secret=" + NotifierTestKit.TOKEN_SECRET,
            "milestones.subscriptions.rate-limit.per-address=3",
            "milestones.subscriptions.rate-limit.per-client=1000",
            "milestones.mail.rate-per-second=0",
            "milestones.mail.unsubscribe-inbox.enabled=true",
            "milestones.mail.unsubscribe-inbox.protocol=imap",
            "milestones.mail.unsubscribe-inbox.host=localhost",
            "milestones.mail.unsubscribe-inbox.password=any",
            "milestones.mail.unsubscribe-inbox.poll-interval=300ms",
        })
class SubscriptionFlowIT {

    static final int PORT = NotifierTestKit.freePort();
    static final Pattern LINK = Pattern.compile("(http://localhost:\\d+/\\S+token=[\\w.-]+)");

    @RegisterExtension static KafkaBrokerExtension kafka = new KafkaBrokerExtension();
    @RegisterExtension static TestDatabaseExtension db = new TestDatabaseExtension();

    @RegisterExtension
    static GreenMailExtension smtp =
            // SMTP for what the notifier sends, IMAP for the unsubscribe mailbox it reads
            new GreenMailExtension(ServerSetup.dynamicPort(ServerSetupTest.SMTP_IMAP))
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
        registry.add("spring.mail.port", () -> smtp.getSmtp().getPort());
        registry.add("milestones.mail.unsubscribe-inbox.port", () -> smtp.getImap().getPort());
        registry.add("server.port", () -> PORT);
        registry.add("milestones.public-base-url", () -> "http://localhost:" + PORT);
        db.register(registry);
    }

    @Autowired JdbcTemplate jdbc;
    @Autowired io.micrometer.core.instrument.MeterRegistry meters;

    @Test
    @Tag("database")
    void shouldSendMilestoneMailOnlyAfterTheDoubleOptInIsConfirmed() throws Exception {
        assertThat(subscribe("confirmer@example.net", "de", "[\"DE\"]").statusCode())
                .isEqualTo(202);
        assertThat(subscribe("lazy@example.net", "en", "[\"DE\"]").statusCode()).isEqualTo(202);
        MimeMessage optIn = awaitMail("confirmer@example.net");
        assertThat(subject(optIn)).isEqualTo("eTwinning: Bitte bestätigen Sie Ihr Abonnement");
        awaitMail("lazy@example.net");

        URI confirm = link(optIn);
        var page = get(confirm);
        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.body())
                .contains("<form method=\"post\"")
                // the shared layout: pages with tokens in their links stay out of search engines
                .contains("<meta name=\"robots\" content=\"noindex\">")
                .contains("<html lang=\"de\"");
        assertThat(status("confirmer@example.net")).isEqualTo("PENDING"); // GET changes nothing
        String token = confirm.getQuery().substring("token=".length());
        var confirmed =
                postForm(
                        URI.create("http://localhost:" + PORT + "/subscriptions/confirm"),
                        "token=" + token);
        assertThat(confirmed.statusCode()).isEqualTo(200);
        assertThat(confirmed.body()).contains("Ihr Abonnement ist bestätigt");
        assertThat(status("confirmer@example.net")).isEqualTo("CONFIRMED");

        smtp.purgeEmailFromAllMailboxes();
        NotifierTestKit.publishMilestone(
                kafka.bootstrapServers(),
                milestone(Scope.country("DE"), 1_000, new CrossedBy("t-x", "DE", null)));
        MimeMessage mail = awaitMail("confirmer@example.net");
        assertThat(subject(mail)).isEqualTo("eTwinning – Deutschland: 1.000 Lehrkräfte!");
        await().during(Duration.ofSeconds(3))
                .atMost(Duration.ofSeconds(10))
                .untilAsserted(() -> assertThat(mailsTo("lazy@example.net")).isZero());
    }

    @Test
    void shouldAnswerTheSameWhetherOrNotTheAddressIsSubscribedAndLimitRequests() throws Exception {
        NotifierTestKit.publish(
                kafka.bootstrapServers(),
                Topics.TEACHER_CONTACTS,
                List.of(teacher("known", "IT", "it", true)));
        await().atMost(Duration.ofSeconds(60))
                .until(() -> "CONFIRMED".equals(status("known@school.example")));
        var known = subscribe("known@school.example", "en", "[\"FR\"]");
        var unknown = subscribe("unknown@example.net", "en", "[\"FR\"]");
        assertThat(known.statusCode()).isEqualTo(unknown.statusCode()).isEqualTo(202);
        assertThat(known.body()).isEqualTo(unknown.body());
        // The subscriber hears about it (in their language), with their preferences link.
        MimeMessage notice = awaitMail("known@school.example");
        assertThat(subject(notice)).isEqualTo("eTwinning: la tua iscrizione");
        assertThat(text(notice)).contains("/subscriptions/preferences?token=");
        assertThat(
                        jdbc.queryForList(
                                "select scope from subscription_scopes s join subscriptions u"
                                        + " on u.id = s.subscription_id where u.email = ?",
                                String.class,
                                "known@school.example"))
                .containsExactlyInAnyOrder("global", "country:IT");

        subscribe("limited@example.net", "en", "[\"FR\"]");
        subscribe("limited@example.net", "en", "[\"FR\"]");
        subscribe("limited@example.net", "en", "[\"FR\"]");
        var limited = subscribe("limited@example.net", "en", "[\"FR\"]");
        assertThat(limited.statusCode()).isEqualTo(429);
        assertThat(limited.headers().firstValue("Content-Type"))
                .hasValue("application/problem+json");
        assertThat(limited.headers().firstValue("Retry-After")).isPresent();

        var invalid = subscribe("not-an-address", "en", "[\"XX\"]");
        assertThat(invalid.statusCode()).isEqualTo(400);
        assertThat(invalid.body()).contains("\"field\":\"email\"").contains("countries[0]");
    }

    @Test
    @Tag("database")
    void shouldStopMailAfterOneClickUnsubscribeButNotAfterAMereVisit() throws Exception {
        NotifierTestKit.publish(
                kafka.bootstrapServers(),
                Topics.TEACHER_CONTACTS,
                List.of(
                        teacher("clicker", "PL", "pl", true),
                        teacher("visitor", "PL", "pl", true)));
        await().atMost(Duration.ofSeconds(60))
                .until(
                        () ->
                                "CONFIRMED".equals(status("visitor@school.example"))
                                        && "CONFIRMED".equals(status("clicker@school.example")));
        smtp.purgeEmailFromAllMailboxes();
        NotifierTestKit.publishMilestone(
                kafka.bootstrapServers(),
                milestone(Scope.country("PL"), 100, new CrossedBy("visitor", "PL", null)));
        MimeMessage clicker = awaitMail("clicker@school.example");
        MimeMessage visitor = awaitMail("visitor@school.example");

        // A link scanner (GET) does not unsubscribe; RFC 8058's POST does.
        assertThat(get(unsubscribeUrl(visitor)).statusCode()).isEqualTo(200);
        var oneClick = postForm(unsubscribeUrl(clicker), "List-Unsubscribe=One-Click");
        assertThat(oneClick.statusCode()).isEqualTo(200);
        assertThat(oneClick.body()).contains("Wypisano Cię");
        assertThat(postForm(unsubscribeUrl(clicker), "List-Unsubscribe=One-Click").statusCode())
                .isEqualTo(200); // twice is fine
        assertThat(status("clicker@school.example")).isNull();
        var forged = URI.create(unsubscribeUrl(clicker).toString().replaceAll(".{4}$", "AAAA"));
        assertThat(postForm(forged, "List-Unsubscribe=One-Click").statusCode()).isEqualTo(400);

        smtp.purgeEmailFromAllMailboxes();
        NotifierTestKit.publishMilestone(
                kafka.bootstrapServers(),
                milestone(Scope.country("PL"), 250, new CrossedBy("visitor", "PL", null)));
        awaitMail("visitor@school.example");
        await().during(Duration.ofSeconds(2))
                .atMost(Duration.ofSeconds(10))
                .untilAsserted(() -> assertThat(mailsTo("clicker@school.example")).isZero());
    }

    @Test
    @Tag("database")
    void shouldUnsubscribeWhoeverMailsTheListUnsubscribeAddress() throws Exception {
        NotifierTestKit.publish(
                kafka.bootstrapServers(),
                Topics.TEACHER_CONTACTS,
                List.of(teacher("mailer", "FR", "fr", true), teacher("stayer", "FR", "fr", true)));
        await().atMost(Duration.ofSeconds(60))
                .until(
                        () ->
                                "CONFIRMED".equals(status("mailer@school.example"))
                                        && "CONFIRMED".equals(status("stayer@school.example")));
        NotifierTestKit.publishMilestone(
                kafka.bootstrapServers(),
                milestone(Scope.country("FR"), 100, new CrossedBy("stayer", "FR", null)));
        URI mailto = unsubscribeMailto(awaitMail("mailer@school.example"));
        // mailto: URIs are opaque: address?subject=...
        String[] target = mailto.getRawSchemeSpecificPart().split("\\?subject=", 2);
        String mailbox = target[0];
        String subject =
                java.net.URLDecoder.decode(target[1], java.nio.charset.StandardCharsets.UTF_8);
        assertThat(subject).startsWith("unsubscribe ");

        // what a mail program sends for the mailto: (prefixed, as some do), plus a forged token
        // and plain spam: only the first unsubscribes, and all three leave the mailbox
        var setup = smtp.getSmtp().getServerSetup();
        GreenMailUtil.sendTextEmail(mailbox, "mailer@school.example", "Re: " + subject, "", setup);
        GreenMailUtil.sendTextEmail(
                mailbox,
                "prankster@example.net",
                subject.replaceAll(".{4}$", "AAAA"),
                "unsubscribe stayer please",
                setup);
        GreenMailUtil.sendTextEmail(mailbox, "spam@example.net", "Cheap pills", "buy", setup);

        await().atMost(Duration.ofSeconds(30))
                .untilAsserted(
                        () -> {
                            assertThat(status("mailer@school.example")).isNull();
                            assertThat(mailsTo(mailbox)).isZero();
                        });
        assertThat(status("stayer@school.example")).isEqualTo("CONFIRMED");
        assertThat(
                        meters.get("milestones.unsubscribe.mails")
                                .tag("outcome", "unsubscribed")
                                .counter()
                                .count())
                .isEqualTo(1);
        assertThat(
                        meters.get("milestones.unsubscribe.mails")
                                .tag("outcome", "invalid")
                                .counter()
                                .count())
                .isEqualTo(2);
    }

    @Test
    @Tag("database")
    void shouldForgetAnErasedTeacher() throws Exception {
        NotifierTestKit.publish(
                kafka.bootstrapServers(),
                Topics.TEACHER_CONTACTS,
                List.of(teacher("erased", "ES", "es", true)));
        await().atMost(Duration.ofSeconds(60))
                .until(() -> "CONFIRMED".equals(status("erased@school.example")));
        NotifierTestKit.publish(
                kafka.bootstrapServers(),
                Topics.REGISTRATIONS,
                List.of(new TeacherErased("erased", Instant.now())));
        await().atMost(Duration.ofSeconds(60)).until(() -> status("erased@school.example") == null);
    }

    /**
     * Erasure reaches the copies the notifier made while celebrating: the delivery of the milestone
     * the teacher crossed keeps its row (the counts stay right) under a pseudonym, and the name
     * kept to greet them is gone.
     */
    @Test
    @Tag("database")
    void shouldEraseTheAddressFromDeliveriesAndTheNameOfATeacherWhoCrossedAMilestone()
            throws Exception {
        NotifierTestKit.publish(
                kafka.bootstrapServers(),
                Topics.TEACHER_CONTACTS,
                List.of(teacher("crosser", "PT", "pt", true, true)));
        await().atMost(Duration.ofSeconds(60))
                .until(() -> "CONFIRMED".equals(status("crosser@school.example")));
        NotifierTestKit.publishMilestone(
                kafka.bootstrapServers(),
                milestone(Scope.country("PT"), 500, new CrossedBy("crosser", "PT", null)));
        awaitMail("crosser@school.example");
        await().atMost(Duration.ofSeconds(30))
                .until(() -> "SENT".equals(deliveryStatus("crosser@school.example")));
        assertThat(nameOf("crosser")).isEqualTo("Teacher crosser");

        NotifierTestKit.publish(
                kafka.bootstrapServers(),
                Topics.REGISTRATIONS,
                List.of(new TeacherErased("crosser", Instant.now())));

        String pseudonym =
                "erased:"
                        + java.util.HexFormat.of()
                                .formatHex(
                                        java.security.MessageDigest.getInstance("SHA-256")
                                                .digest(
                                                        "crosser@school.example"
                                                                .getBytes(
                                                                        java.nio.charset
                                                                                .StandardCharsets
                                                                                .UTF_8)));
        await().atMost(Duration.ofSeconds(60))
                .untilAsserted(
                        () -> {
                            assertThat(status("crosser@school.example")).isNull();
                            assertThat(deliveryStatus("crosser@school.example")).isNull();
                            assertThat(deliveryStatus(pseudonym)).isEqualTo("SENT");
                            assertThat(nameOf("crosser")).isNull();
                        });
        assertThat(
                        jdbc.queryForList(
                                "select crossed_by_teacher_id, crossed_by_name"
                                        + " from celebrated_milestones where milestone_id = ?",
                                "country:PT:500"))
                .singleElement()
                .satisfies(row -> assertThat(row.get("crossed_by_name")).isNull());
        assertThat(
                        jdbc.queryForObject(
                                "select count(*) from deliveries where recipient like ?",
                                Long.class,
                                "%crosser%"))
                .isZero();
    }

    private String deliveryStatus(String recipient) {
        return jdbc
                .query(
                        "select status from deliveries where milestone_id = ? and recipient = ?",
                        (rs, i) -> rs.getString(1),
                        "country:PT:500",
                        recipient)
                .stream()
                .findFirst()
                .orElse(null);
    }

    private String nameOf(String teacherId) {
        return jdbc
                .query(
                        "select display_name from teacher_names where teacher_id = ?",
                        (rs, i) -> rs.getString(1),
                        teacherId)
                .stream()
                .findFirst()
                .orElse(null);
    }

    private java.net.http.HttpResponse<String> subscribe(
            String email, String language, String countries) throws Exception {
        return postJson(
                URI.create("http://localhost:" + PORT + "/api/subscriptions"),
                """
                {"email":"%s","language":"%s","global":false,"countries":%s}
                """
                        .formatted(email, language, countries));
    }

    private MimeMessage awaitMail(String address) {
        return await().atMost(Duration.ofSeconds(60))
                .until(
                        () ->
                                Arrays.stream(smtp.getReceivedMessages())
                                        .filter(m -> to(m).equals(address))
                                        .findFirst()
                                        .orElse(null),
                        m -> m != null);
    }

    private long mailsTo(String address) {
        return Arrays.stream(smtp.getReceivedMessages()).filter(m -> to(m).equals(address)).count();
    }

    private String status(String email) {
        return jdbc
                .query(
                        "select status from subscriptions where email = ?",
                        (rs, i) -> rs.getString(1),
                        email)
                .stream()
                .findFirst()
                .orElse(null);
    }

    private static URI link(MimeMessage mail) throws Exception {
        var matcher = LINK.matcher(text(mail));
        assertThat(matcher.find()).isTrue();
        return URI.create(matcher.group(1));
    }
}
