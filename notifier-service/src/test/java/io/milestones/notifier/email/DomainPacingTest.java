package io.milestones.notifier.email;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.milestones.testing.RejectingSmtpServer;
import io.milestones.testing.TestClock;
import jakarta.mail.MessagingException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;
import org.eclipse.angus.mail.smtp.SMTPAddressFailedException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.springframework.mail.javamail.JavaMailSenderImpl;

/**
 * Pacing per recipient domain against a real SMTP server: one domain answering {@code 451 4.7.0} is
 * paused and then slowed alone while the other keeps its pace. Counts and order, no timings: the
 * clock is a test's, and limits are per hour where a test counts what a limit lets through.
 */
class DomainPacingTest {

    static final Duration PAUSE = Duration.ofMinutes(1);

    final AtomicBoolean busy = new AtomicBoolean(true);
    final RejectingSmtpServer smtp =
            RejectingSmtpServer.replying(
                    address ->
                            address.endsWith("@busy.example") && busy.get()
                                    ? "451 4.7.0 too many messages, try again later"
                                    : address.endsWith("@full.example")
                                            ? "452 4.2.2 mailbox full"
                                            : "250 2.1.5 OK");
    final TestClock clock = new TestClock(Instant.parse("2026-12-06T03:00:00Z"));

    @AfterEach
    void stop() {
        smtp.close();
    }

    @Test
    @DisplayName(
            "a domain that says 'try later' is paused, then slowed, while the others keep going")
    void shouldSlowTheDomainThatAnsweredTryLaterWithoutStallingTheOthers() {
        // one e-mail per hour after the pause: what gets through is counted, not timed
        SmtpMailer mailer = mailer(pacing(Map.of(), 1.0 / 3600));
        List<String> log = new ArrayList<>();
        List<String> expected = new ArrayList<>();

        for (int i = 0; i < 10; i++) {
            log.add(send(mailer, "busy-" + i + "@busy.example"));
            log.add(send(mailer, "steady-" + i + "@steady.example"));
            expected.add("busy-" + i + (i == 0 ? " refused 451" : " deferred"));
            expected.add("steady-" + i + " sent");
        }
        assertThat(log).containsExactlyElementsOf(expected);
        assertThat(smtp.attempts("busy-0@busy.example")).isEqualTo(1);
        for (int i = 1; i < 10; i++) {
            assertThat(smtp.attempts("busy-" + i + "@busy.example")).isZero(); // never tried
            assertThat(smtp.receivedBy("steady-" + i + "@steady.example")).isEqualTo(1);
        }

        // the domain accepts again and the pause is over: it resumes, slower than before
        busy.set(false);
        clock.advance(PAUSE.plusSeconds(1));
        log.clear();
        for (int i = 10; i < 13; i++) {
            log.add(send(mailer, "busy-" + i + "@busy.example"));
            log.add(send(mailer, "steady-" + i + "@steady.example"));
        }
        assertThat(log)
                .containsExactly(
                        "busy-10 sent",
                        "steady-10 sent",
                        "busy-11 deferred",
                        "steady-11 sent",
                        "busy-12 deferred",
                        "steady-12 sent");
    }

    @Test
    void shouldNotSlowADomainForOneFullMailbox() {
        SmtpMailer mailer = mailer(pacing(Map.of(), 1.0 / 3600));

        assertThat(send(mailer, "full-0@full.example")).isEqualTo("full-0 refused 452");
        assertThat(send(mailer, "full-1@full.example")).isEqualTo("full-1 refused 452");

        assertThat(smtp.attempts("full-1@full.example")).isEqualTo(1);
    }

    @Test
    void shouldKeepEachDomainToItsOwnRate() {
        SmtpMailer mailer =
                mailer(
                        pacing(
                                Map.of(
                                        "limited.example",
                                        new PacingProperties.Limit(0, 1.0 / 3600)),
                                1));
        List<String> log = new ArrayList<>();

        for (int i = 0; i < 3; i++) {
            log.add(send(mailer, "limited-" + i + "@limited.example"));
            log.add(send(mailer, "steady-" + i + "@steady.example"));
        }

        assertThat(log)
                .containsExactly(
                        "limited-0 sent",
                        "steady-0 sent",
                        "limited-1 deferred",
                        "steady-1 sent",
                        "limited-2 deferred",
                        "steady-2 sent");
    }

    @Test
    void shouldKeepEachDomainToItsOwnConnections() {
        DomainPacing pacing = pacing(Map.of("one.example", new PacingProperties.Limit(1, 0)), 1);

        try (DomainPacing.Lease first = pacing.acquire("a@one.example")) {
            assertThatThrownBy(() -> pacing.acquire("b@ONE.example"))
                    .isInstanceOf(DomainDeferredException.class)
                    .hasMessage("one.example: all its connections busy");
            pacing.acquire("c@other.example").close();
        }
        pacing.acquire("b@one.example").close();
    }

    /** Sends one e-mail; says what became of it: sent, refused with a code, or deferred. */
    private String send(SmtpMailer mailer, String to) {
        String who = to.substring(0, to.indexOf('@'));
        Mail mail = new Mail(to, "Milestone", "text", "<p>html</p>", null, null, null, null);
        try {
            mailer.send(mail, null);
            return who + " sent";
        } catch (DomainDeferredException e) {
            return who + " deferred";
        } catch (MessagingException e) {
            for (Exception cause = e; cause != null; ) {
                if (cause instanceof SMTPAddressFailedException refused) {
                    return who + " refused " + refused.getReturnCode();
                }
                cause = cause instanceof MessagingException m ? m.getNextException() : null;
            }
            throw new AssertionError(e);
        }
    }

    private DomainPacing pacing(Map<String, PacingProperties.Limit> domains, double resumeRate) {
        return new DomainPacing(
                new PacingProperties(
                        true,
                        new PacingProperties.Limit(0, 0),
                        domains,
                        Duration.ZERO,
                        new PacingProperties.Backoff(PAUSE, Duration.ofMinutes(4), resumeRate, 3),
                        100),
                clock);
    }

    private SmtpMailer mailer(DomainPacing pacing) {
        var sender = new JavaMailSenderImpl();
        sender.setHost("localhost");
        sender.setPort(smtp.port());
        sender.setProtocol("smtp");
        var properties =
                new MailProperties(
                        "milestones@school.example",
                        "Milestones",
                        "milestones.test",
                        "unsubscribe@school.example",
                        0,
                        Duration.ofSeconds(10),
                        new MailProperties.Card(false, 536));
        return new SmtpMailer(
                sender,
                new SmtpConnections(sender, properties),
                properties,
                pacing,
                new DkimSigning(new DkimProperties(false, "", "", "")));
    }
}
