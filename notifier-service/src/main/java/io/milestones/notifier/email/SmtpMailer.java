package io.milestones.notifier.email;

import jakarta.activation.DataHandler;
import jakarta.activation.FileTypeMap;
import jakarta.mail.MessagingException;
import jakarta.mail.Part;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeBodyPart;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeMultipart;
import jakarta.mail.internet.PreencodedMimeBodyPart;
import jakarta.mail.util.ByteArrayDataSource;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Base64;
import java.util.Date;
import java.util.Map;
import java.util.WeakHashMap;
import org.eclipse.angus.mail.smtp.SMTPMessage;
import org.springframework.http.MediaType;
import org.springframework.mail.javamail.ConfigurableMimeFileTypeMap;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.mail.javamail.MimeMessageHelper;
import org.springframework.stereotype.Component;

/**
 * Sends {@link Mail} as {@code multipart/related}: a {@code multipart/alternative} (plain text +
 * HTML) and, when the mail has one, the inline picture the HTML shows by {@code cid:}; over a
 * pooled SMTP connection, at the configured rate (milestone e-mails also paced per recipient
 * domain, {@link DomainPacing}). Every header value is a single line: CR, LF and other control
 * characters cannot open a new header.
 */
@Component
class SmtpMailer {

    static {
        // jakarta.mail 2.1 looks its StreamProvider up through ServiceLoader for every message it
        // writes, scanning each jar of the classpath under a lock: the bottleneck of a batch.
        // Naming the provider ServiceLoader would find (Angus's) makes it a plain class lookup.
        System.getProperties()
                .putIfAbsent(
                        "jakarta.mail.util.StreamProvider",
                        "org.eclipse.angus.mail.util.MailStreamProvider");
    }

    private static final String TRANSFER_ENCODING = "Content-Transfer-Encoding";

    private final JavaMailSender mailSender;
    private final SmtpConnections connections;
    private final MailProperties properties;
    private final SendRate rate;
    private final DomainPacing pacing;
    private final DkimSigning dkim;

    /** Each picture's base64, by the picture's bytes (identity; dropped with the picture). */
    private final Map<byte[], byte[]> encoded = new WeakHashMap<>();

    SmtpMailer(
            JavaMailSender mailSender,
            SmtpConnections connections,
            MailProperties properties,
            DomainPacing pacing,
            DkimSigning dkim) {
        this.mailSender = mailSender;
        this.connections = connections;
        this.properties = properties;
        this.rate = new SendRate(properties.ratePerSecond());
        this.pacing = pacing;
        this.dkim = dkim;
    }

    /**
     * Sends one mail of the subscription process (a confirmation): at the global rate, not paced
     * per domain, since somebody is waiting for it.
     *
     * @throws MessagingException as JavaMail reports it; {@link SmtpFailures} sorts it
     */
    void send(Mail mail) throws MessagingException {
        MimeMessage message = message(mail, null);
        rate.acquire();
        connections.send(message);
    }

    /**
     * Sends one milestone e-mail, paced per recipient domain as well as globally.
     *
     * @param envelopeFrom the envelope sender ({@code MAIL FROM}, the bounce address), or {@code
     *     null} for the From address
     * @throws DomainDeferredException when the recipient's domain may not be sent to now
     */
    void send(Mail mail, String envelopeFrom) throws MessagingException {
        try (DomainPacing.Lease lease = pacing.acquire(mail.to())) {
            MimeMessage message = message(mail, envelopeFrom);
            rate.acquire();
            try {
                connections.send(message);
            } catch (MessagingException | RuntimeException e) {
                lease.failed(e);
                throw e;
            }
            lease.sent();
        }
    }

    private MimeMessage message(Mail mail, String envelopeFrom) throws MessagingException {
        MimeMessage message =
                mail.messageId() == null
                        ? mailSender.createMimeMessage()
                        : new FixedIdMimeMessage(mailSender.createMimeMessage(), mail.messageId());
        try {
            var helper = new SharedTypesHelper(message);
            helper.setFrom(
                    new InternetAddress(
                            properties.from(),
                            HeaderValues.singleLine(properties.fromName()),
                            "UTF-8"));
            helper.setTo(new InternetAddress(mail.to(), true));
            helper.setSubject(HeaderValues.singleLine(mail.subject()));
            helper.setText(mail.text(), mail.html());
            if (mail.encodings() != null) {
                // decided once per rendering: JavaMail would scan both bodies of every e-mail
                var alternative =
                        (MimeMultipart) helper.getMimeMultipart().getBodyPart(0).getContent();
                alternative.getBodyPart(0).setHeader(TRANSFER_ENCODING, mail.encodings().text());
                alternative.getBodyPart(1).setHeader(TRANSFER_ENCODING, mail.encodings().html());
            }
            if (mail.inline() != null) {
                // after setText: the picture is a sibling of the text/HTML alternative inside
                // multipart/related, which mail clients show only where the HTML refers to it
                helper.getMimeMultipart().addBodyPart(inline(mail.inline()));
            }
        } catch (IOException e) {
            // UTF-8 is always supported; the alternative was set just above, in memory
            throw new IllegalStateException(e);
        }
        if (mail.unsubscribe() != null) {
            message.setHeader(
                    "List-Unsubscribe",
                    HeaderValues.singleLine(mail.unsubscribe().listUnsubscribe()));
            message.setHeader("List-Unsubscribe-Post", "List-Unsubscribe=One-Click");
        }
        if (envelopeFrom != null && message instanceof SMTPMessage smtp) {
            smtp.setEnvelopeFrom(envelopeFrom);
        }
        message.setSentDate(new Date());
        message.saveChanges();
        return dkim.sign(message, envelopeFrom);
    }

    /**
     * The picture as an inline part whose base64 was encoded once per picture ({@link
     * PreencodedMimeBodyPart}): a fan-out sends the same card to every reader of a language, and
     * encoding it again for each was a tenth of the senders' time (benchmark B6).
     */
    private MimeBodyPart inline(Mail.InlineImage image) throws MessagingException {
        byte[] base64;
        synchronized (encoded) {
            base64 = encoded.computeIfAbsent(image.png(), SmtpMailer::base64);
        }
        var part = new PreencodedMimeBodyPart("base64");
        part.setDisposition(Part.INLINE);
        part.setContentID("<" + image.contentId() + ">");
        part.setDataHandler(
                new DataHandler(new ByteArrayDataSource(base64, MediaType.IMAGE_PNG_VALUE)));
        return part;
    }

    /** MIME base64: lines of 76 characters, each ended by CRLF. */
    private static byte[] base64(byte[] png) {
        byte[] lines = Base64.getMimeEncoder().encode(png);
        byte[] ended = Arrays.copyOf(lines, lines.length + 2);
        ended[lines.length] = '\r';
        ended[lines.length + 1] = '\n';
        return ended;
    }

    /**
     * A {@link MimeMessageHelper} that does not build a file-type map (reading {@code mime.types}
     * from the classpath) for every message: Spring only reuses the sender's map for the messages
     * the sender created itself, and {@link FixedIdMimeMessage} is not one. That build was 39 % of
     * the sender threads' time (benchmark B6).
     */
    private static final class SharedTypesHelper extends MimeMessageHelper {
        private static final FileTypeMap TYPES = fileTypes();

        SharedTypesHelper(MimeMessage message) throws MessagingException {
            super(message, MULTIPART_MODE_RELATED, StandardCharsets.UTF_8.name());
        }

        @Override
        protected FileTypeMap getDefaultFileTypeMap(MimeMessage message) {
            return TYPES;
        }

        private static FileTypeMap fileTypes() {
            var types = new ConfigurableMimeFileTypeMap();
            types.afterPropertiesSet();
            return types;
        }
    }

    /** Keeps the deterministic Message-ID that JavaMail would otherwise replace on save. */
    private static final class FixedIdMimeMessage extends SMTPMessage {
        private final String messageId;

        FixedIdMimeMessage(MimeMessage template, String messageId) {
            super(template.getSession());
            this.messageId = messageId;
        }

        @Override
        protected void updateMessageID() throws MessagingException {
            setHeader("Message-ID", "<" + messageId + ">");
        }
    }
}
