package io.milestones.notifier.email;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.milestones.testing.RejectingSmtpServer;
import jakarta.mail.Part;
import jakarta.mail.Session;
import jakarta.mail.internet.MimeBodyPart;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeMultipart;
import java.io.ByteArrayInputStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.time.Clock;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Random;
import org.apache.james.jdkim.DKIMVerifier;
import org.apache.james.jdkim.api.PublicKeyRecordRetriever;
import org.apache.james.jdkim.api.SignatureRecord;
import org.apache.james.jdkim.exceptions.FailException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.mail.javamail.JavaMailSenderImpl;

/**
 * A signed e-mail, as the SMTP server received it, verifies with Apache James jDKIM (another
 * implementation than the signer's) against the public key published for the selector; the same
 * message with its subject changed does not.
 */
class DkimSigningTest {

    static final KeyPair KEYS = keys();

    final RejectingSmtpServer smtp = RejectingSmtpServer.replying(address -> "250 2.1.5 OK");

    /** Our DNS: the TXT record of {@code sel2026._domainkey.etwinning.example}. */
    final PublicKeyRecordRetriever dns =
            (method, selector, domain) ->
                    "sel2026".contentEquals(selector) && "etwinning.example".contentEquals(domain)
                            ? List.of(
                                    "v=DKIM1; k=rsa; p="
                                            + Base64.getEncoder()
                                                    .encodeToString(KEYS.getPublic().getEncoded()))
                            : List.of();

    @AfterEach
    void stop() {
        smtp.close();
    }

    @Test
    void shouldSendMessagesThatVerifyAgainstThePublishedKey() throws Exception {
        SmtpMailer mailer = mailer(new DkimProperties(true, "etwinning.example", "sel2026", pem()));
        var unsubscribe =
                new Mail.Unsubscribe(
                        URI.create("https://milestones.example/u/abc"),
                        URI.create("mailto:unsubscribe@etwinning.example?subject=abc"));

        mailer.send(
                new Mail(
                        "ana@school.example",
                        "1,000,000 eTwinners — Ünïcödé",
                        "Hello\r\n.dot line\r\n",
                        "<p>Hello</p>",
                        "global-1000000.ana@milestones.test",
                        unsubscribe,
                        null,
                        null),
                "bounces+tok@bounces.etwinning.example");

        RejectingSmtpServer.Received received = smtp.received().get(0);
        assertThat(received.returnPath()).isEqualTo("bounces+tok@bounces.etwinning.example");
        assertThat(received.data())
                .startsWith("DKIM-Signature: ")
                .contains("Message-ID: <global-1000000.ana@milestones.test>");
        List<SignatureRecord> verified = new DKIMVerifier(dns).verify(stream(received.data()));
        assertThat(verified).hasSize(1);
        assertThat(verified.get(0).getDToken()).isEqualTo("etwinning.example");
        assertThat(verified.get(0).getHeaders().stream().map(h -> h.toString().toLowerCase()))
                .contains("from", "to", "subject", "list-unsubscribe", "list-unsubscribe-post");

        String tampered = received.data().replace("Subject: ", "Subject: Re: ");
        assertThatThrownBy(() -> new DKIMVerifier(dns).verify(stream(tampered)))
                .isInstanceOf(FailException.class);
    }

    @Test
    void shouldCarryTheCardIntactInEveryMessageAndStillVerify() throws Exception {
        SmtpMailer mailer = mailer(new DkimProperties(true, "etwinning.example", "sel2026", pem()));
        byte[] png = new byte[20_000];
        new Random(2026).nextBytes(png);
        var card =
                new Mail.InlineImage(
                        "card.global.1000000.en@milestones.test", png, "1,000,000", 536, 302);

        for (String to : List.of("ana@school.example", "ben@school.example")) {
            mailer.send(
                    new Mail(
                            to,
                            "1,000,000 eTwinners",
                            "text",
                            "<img src=\"cid:card.global.1000000.en@milestones.test\">",
                            null,
                            null,
                            card,
                            null),
                    null);
        }

        assertThat(smtp.received()).hasSize(2);
        for (RejectingSmtpServer.Received received : smtp.received()) {
            var message =
                    new MimeMessage(Session.getInstance(new Properties()), stream(received.data()));
            var related = (MimeMultipart) message.getContent();
            assertThat(related.getContentType()).startsWith("multipart/related");
            var picture = (MimeBodyPart) related.getBodyPart(1);
            assertThat(picture.getContentType()).startsWith("image/png");
            assertThat(picture.getEncoding()).isEqualTo("base64");
            assertThat(picture.getContentID())
                    .isEqualTo("<card.global.1000000.en@milestones.test>");
            assertThat(picture.getDisposition()).isEqualTo(Part.INLINE);
            assertThat(picture.getInputStream().readAllBytes()).isEqualTo(png);
            assertThat(received.data().lines()).allMatch(line -> line.length() <= 998);
            assertThat(new DKIMVerifier(dns).verify(stream(received.data()))).hasSize(1);
        }
    }

    @Test
    void shouldSendEachBodyInTheTransferEncodingDecidedForItsRenderingAndStillVerify()
            throws Exception {
        SmtpMailer mailer = mailer(new DkimProperties(true, "etwinning.example", "sel2026", pem()));
        String text = "Gratulacje, Łódź!\r\n" + "x".repeat(1500) + "\r\n.dot line\r\n";
        String html = "<p>Ωραία — " + "ü".repeat(40) + "</p>";

        mailer.send(
                new Mail(
                        "ana@school.example",
                        "1,000,000 eTwinners",
                        text,
                        html,
                        null,
                        null,
                        null,
                        // the opposite of what JavaMail would pick for each
                        new Mail.Encodings("base64", "quoted-printable")),
                null);

        RejectingSmtpServer.Received received = smtp.received().get(0);
        var message =
                new MimeMessage(Session.getInstance(new Properties()), stream(received.data()));
        var related = (MimeMultipart) message.getContent();
        var alternative = (MimeMultipart) related.getBodyPart(0).getContent();
        var plain = (MimeBodyPart) alternative.getBodyPart(0);
        var rich = (MimeBodyPart) alternative.getBodyPart(1);
        assertThat(plain.getEncoding()).isEqualTo("base64");
        assertThat(plain.getContent()).isEqualTo(text);
        assertThat(rich.getEncoding()).isEqualTo("quoted-printable");
        assertThat(rich.getContent()).isEqualTo(html);
        assertThat(received.data().lines()).allMatch(line -> line.length() <= 998);
        assertThat(new DKIMVerifier(dns).verify(stream(received.data()))).hasSize(1);
    }

    @Test
    void shouldSendUnsignedWhenOff() throws Exception {
        mailer(new DkimProperties(false, "", "", ""))
                .send(
                        new Mail(
                                "ana@school.example",
                                "Hi",
                                "text",
                                "<p>html</p>",
                                null,
                                null,
                                null,
                                null));

        assertThat(smtp.received().get(0).data()).doesNotContain("DKIM-Signature");
    }

    private SmtpMailer mailer(DkimProperties dkim) {
        var sender = new JavaMailSenderImpl();
        sender.setHost("localhost");
        sender.setPort(smtp.port());
        sender.setProtocol("smtp");
        var properties =
                new MailProperties(
                        "milestones@etwinning.example",
                        "eTwinning Milestones",
                        "milestones.test",
                        "unsubscribe@etwinning.example",
                        0,
                        Duration.ofSeconds(10),
                        new MailProperties.Card(false, 536));
        var pacing =
                new DomainPacing(
                        new PacingProperties(
                                false,
                                new PacingProperties.Limit(0, 0),
                                Map.of(),
                                Duration.ZERO,
                                new PacingProperties.Backoff(
                                        Duration.ofSeconds(1), Duration.ofSeconds(1), 1, 1),
                                100),
                        Clock.systemUTC());
        return new SmtpMailer(
                sender,
                new SmtpConnections(sender, properties),
                properties,
                pacing,
                new DkimSigning(dkim));
    }

    private static ByteArrayInputStream stream(String data) {
        return new ByteArrayInputStream(data.getBytes(StandardCharsets.UTF_8));
    }

    private static String pem() {
        return "-----BEGIN PRIVATE KEY-----\n"
                + Base64.getMimeEncoder().encodeToString(KEYS.getPrivate().getEncoded())
                + "\n-----END PRIVATE KEY-----\n";
    }

    private static KeyPair keys() {
        try {
            var generator = KeyPairGenerator.getInstance("RSA");
            generator.initialize(2048);
            return generator.generateKeyPair();
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
