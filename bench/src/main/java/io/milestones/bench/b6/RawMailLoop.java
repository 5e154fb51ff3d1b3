package io.milestones.bench.b6;

import io.milestones.bench.Bench;
import io.milestones.localstack.MailParts;
import jakarta.activation.DataHandler;
import jakarta.mail.MessagingException;
import jakarta.mail.Multipart;
import jakarta.mail.Part;
import jakarta.mail.Session;
import jakarta.mail.Transport;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeBodyPart;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeMultipart;
import jakarta.mail.util.ByteArrayDataSource;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.Date;
import java.util.Properties;

/**
 * The reference of B6: plain Jakarta Mail, one SMTP connection opened once ({@code
 * Transport.connect}), then {@code sendMessage} per recipient. Each message is built afresh as
 * {@code multipart/related} of the same shape as an e-mail the notifier sent: a {@code
 * multipart/alternative} with its text and HTML, and its inline PNG card (decision 0404) with the
 * same Content-ID, base64-encoded by Jakarta Mail for each message, as a plain loop does.
 */
final class RawMailLoop {

    /** TCP_NODELAY on the reference's connection too ({@code -Dbench.noDelay=0}: the JDK's). */
    static final boolean NO_DELAY = Bench.setting("noDelay", 1) == 1;

    private final Session session;
    private final String subject;
    private final String text;
    private final String html;
    private final byte[] card;
    private final String cardId;

    /**
     * @param sample raw bytes of one e-mail the notifier sent, whose texts are reused
     */
    RawMailLoop(int smtpPort, byte[] sample) throws MessagingException, IOException {
        Properties properties = new Properties();
        properties.put("mail.smtp.host", "localhost");
        properties.put("mail.smtp.port", String.valueOf(smtpPort));
        if (NO_DELAY) {
            // the factory notifier-service.yml ships (decision 0311): both sides skip Nagle
            properties.put(
                    "mail.smtp.socketFactory.class",
                    "io.milestones.notifier.email.NoDelaySocketFactory");
        }
        this.session = Session.getInstance(properties);
        MimeMessage template = new MimeMessage(session, new ByteArrayInputStream(sample));
        this.subject = template.getSubject();
        this.text = MailParts.find(template, "text/plain");
        this.html = MailParts.find(template, "text/html");
        Part image = image(template);
        this.card = image == null ? null : image.getInputStream().readAllBytes();
        this.cardId = image == null ? null : ((MimeBodyPart) image).getContentID();
    }

    /** The first image/png part of {@code part}, or {@code null}. */
    private static Part image(Part part) throws MessagingException, IOException {
        if (part.isMimeType("image/png")) {
            return part;
        }
        if (part.getContent() instanceof Multipart multipart) {
            for (int i = 0; i < multipart.getCount(); i++) {
                Part found = image(multipart.getBodyPart(i));
                if (found != null) {
                    return found;
                }
            }
        }
        return null;
    }

    /** Sends {@code count} e-mails to {@code <prefix>N@example.org} over one connection. */
    void send(String prefix, int count) throws MessagingException {
        Transport transport = session.getTransport("smtp");
        transport.connect();
        try {
            for (int i = 0; i < count; i++) {
                MimeMessage message = message(prefix + i + "@example.org");
                transport.sendMessage(message, message.getAllRecipients());
            }
        } finally {
            transport.close();
        }
    }

    /** Size in bytes of one message as the loop sends it. */
    int size() throws MessagingException, IOException {
        var out = new java.io.ByteArrayOutputStream();
        message("size@example.org").writeTo(out);
        return out.size();
    }

    private MimeMessage message(String to) throws MessagingException {
        MimeMessage message = new MimeMessage(session);
        try {
            message.setFrom(
                    new InternetAddress(
                            "milestones@etwinning.example", "eTwinning Milestones", "UTF-8"));
        } catch (java.io.UnsupportedEncodingException e) {
            throw new IllegalStateException(e);
        }
        message.setRecipient(MimeMessage.RecipientType.TO, new InternetAddress(to));
        message.setSubject(subject, "UTF-8");
        var plain = new MimeBodyPart();
        plain.setText(text, "UTF-8");
        var rich = new MimeBodyPart();
        rich.setContent(html, "text/html; charset=UTF-8");
        var alternative = new MimeMultipart("alternative");
        alternative.addBodyPart(plain);
        alternative.addBodyPart(rich);
        if (card == null) {
            message.setContent(alternative);
        } else {
            var body = new MimeBodyPart();
            body.setContent(alternative);
            var picture = new MimeBodyPart();
            picture.setDisposition(Part.INLINE);
            picture.setContentID(cardId);
            picture.setDataHandler(new DataHandler(new ByteArrayDataSource(card, "image/png")));
            var related = new MimeMultipart("related");
            related.addBodyPart(body);
            related.addBodyPart(picture);
            message.setContent(related);
        }
        message.setSentDate(new Date());
        message.saveChanges();
        return message;
    }
}
