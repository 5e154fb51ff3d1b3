package io.milestones.notifier.suppression;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.icegreen.greenmail.user.GreenMailUser;
import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import io.milestones.notifier.links.ReturnTokens;
import io.milestones.notifier.testing.NotifierTestKit;
import jakarta.mail.Session;
import jakarta.mail.internet.MimeMessage;
import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Properties;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.DynamicPropertyRegistry;

/**
 * The bounce mailbox (GreenMail IMAP) fed with DSNs in the shapes Postfix, Exim, Gmail and Exchange
 * send, an ARF complaint, an out-of-office reply and an unrelated message (samples under
 * src/test/resources/bounces): each classified, matched to its delivery row, the bounces and the
 * complaint recorded and deleted, the auto-reply and the unrelated message left in the mailbox.
 * Runs inside {@link DeliverabilityIT}'s context ({@code @Nested} there).
 */
abstract class BounceMailboxTest {

    static final String MILESTONE = "country:PT:900";
    static final String MESSAGE_ID = "country.PT.900.0123456789abcdef01234567@milestones.local";
    static final String MAILBOX = "bounces@bounces.school.example";
    static final int IMAP_PORT = NotifierTestKit.freePort();
    static final GreenMail IMAP = imap();

    @Autowired JdbcTemplate jdbc;
    @Autowired ReturnTokens tokens;

    static void register(DynamicPropertyRegistry registry) {
        registry.add("milestones.mail.bounce-mailbox.enabled", () -> "true");
        registry.add("milestones.mail.bounce-mailbox.protocol", () -> "imap");
        registry.add("milestones.mail.bounce-mailbox.port", () -> IMAP_PORT);
        registry.add("milestones.mail.bounce-mailbox.username", () -> "bounces");
        registry.add("milestones.mail.bounce-mailbox.password", () -> "secret");
        registry.add("milestones.mail.bounce-mailbox.poll-interval", () -> "300ms");
        registry.add("milestones.mail.verp.enabled", () -> "true");
        registry.add("milestones.mail.verp.domain", () -> "bounces.school.example");
    }

    static void stop() {
        IMAP.stop();
    }

    @Test
    void shouldRecordDsnsAndComplaintsOfOurDeliveriesAndLeaveAutoRepliesAndUnrelatedMail()
            throws Exception {
        List<String> recipients =
                List.of(
                        "postfix-dead@school.example",
                        "exim-dead@school.example",
                        "gmail-dead@gmail.example",
                        "exchange-busy@school.example",
                        "arf-user@school.example",
                        "ooo-user@school.example");
        for (String recipient : recipients) {
            jdbc.update(
                    "insert into deliveries (milestone_id, channel, recipient, status, attempts,"
                            + " created_at, updated_at, return_token) values (?, 'EMAIL', ?,"
                            + " 'SENT', 1, current_timestamp, current_timestamp, ?)",
                    MILESTONE,
                    recipient,
                    tokens.token(MILESTONE, recipient));
        }
        UUID complainer = UUID.randomUUID();
        jdbc.update(
                "insert into subscriptions (id, email, language, status, created_at)"
                        + " values (?, 'arf-user@school.example', 'en', 'CONFIRMED',"
                        + " current_timestamp)",
                complainer);

        GreenMailUser user = IMAP.getUserManager().getUser("bounces");
        user.deliver(sample("postfix.eml", "postfix-dead@school.example"));
        user.deliver(sample("exim.eml", "exim-dead@school.example"));
        user.deliver(sample("gmail.eml", "gmail-dead@gmail.example"));
        user.deliver(sample("exchange.eml", "exchange-busy@school.example"));
        user.deliver(sample("arf.eml", "arf-user@school.example"));
        user.deliver(sample("out-of-office.eml", "ooo-user@school.example"));
        user.deliver(sample("unrelated.eml", "nobody@school.example"));

        await().atMost(Duration.ofSeconds(60))
                .untilAsserted(() -> assertThat(IMAP.getReceivedMessages()).hasSize(2));
        assertThat(
                        Arrays.stream(IMAP.getReceivedMessages())
                                .map(BounceMailboxTest::subject)
                                .toList())
                .containsExactlyInAnyOrder(
                        "Automatic reply: 1,000,000 eTwinners!",
                        "Question about the eTwinning celebration");

        assertThat(
                        jdbc.queryForList(
                                "select recipient || '=' || coalesce(bounce, 'null') from deliveries"
                                        + " where milestone_id = ? order by recipient",
                                String.class,
                                MILESTONE))
                .containsExactly(
                        "arf-user@school.example=COMPLAINT",
                        "exchange-busy@school.example=SOFT",
                        "exim-dead@school.example=HARD",
                        "gmail-dead@gmail.example=HARD",
                        "ooo-user@school.example=" + null,
                        "postfix-dead@school.example=HARD");
        assertThat(reason("postfix-dead@school.example")).isEqualTo("HARD_BOUNCE/bounce-mailbox");
        assertThat(reason("exim-dead@school.example")).isEqualTo("HARD_BOUNCE/bounce-mailbox");
        assertThat(reason("gmail-dead@gmail.example")).isEqualTo("HARD_BOUNCE/bounce-mailbox");
        assertThat(reason("arf-user@school.example")).isEqualTo("COMPLAINT/bounce-mailbox");
        assertThat(reason("exchange-busy@school.example")).isNull(); // one soft bounce of 2
        assertThat(reason("ooo-user@school.example")).isNull(); // a vacation reply is no bounce
        assertThat(
                        jdbc.queryForObject(
                                "select count(*) from subscriptions where id = ?",
                                Integer.class,
                                complainer))
                .isZero();
    }

    private String reason(String address) {
        List<String> found =
                jdbc.queryForList(
                        "select reason || '/' || source from suppressions where address_hash = ?",
                        String.class,
                        AddressHash.of(address));
        return found.isEmpty() ? null : found.get(0);
    }

    private MimeMessage sample(String name, String recipient) throws Exception {
        String text;
        try (InputStream in = getClass().getResourceAsStream("/bounces/" + name)) {
            text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        text =
                text.replace("{{TOKEN}}", tokens.token(MILESTONE, recipient))
                        .replace("{{RECIPIENT}}", recipient)
                        .replace("{{MESSAGE_ID}}", MESSAGE_ID)
                        .replace("\r\n", "\n")
                        .replace("\n", "\r\n");
        return new MimeMessage(
                Session.getInstance(new Properties()),
                new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8)));
    }

    private static String subject(MimeMessage message) {
        try {
            return message.getSubject();
        } catch (jakarta.mail.MessagingException e) {
            throw new IllegalStateException(e);
        }
    }

    private static GreenMail imap() {
        GreenMail server = new GreenMail(new ServerSetup(IMAP_PORT, "localhost", "imap"));
        server.start();
        server.setUser(MAILBOX, "bounces", "secret"); // before the first poll, which logs in
        return server;
    }
}
