package io.milestones.notifier.email;

import jakarta.mail.MessagingException;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import java.io.UnsupportedEncodingException;
import java.nio.charset.StandardCharsets;
import org.springframework.mail.MailSendException;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.mail.javamail.MimeMessageHelper;
import org.springframework.stereotype.Component;

/** Sends {@link Mail} as {@code multipart/alternative} (plain text + HTML) over SMTP. */
@Component
class SmtpMailer {

    private final JavaMailSender mailSender;
    private final MailProperties properties;

    SmtpMailer(JavaMailSender mailSender, MailProperties properties) {
        this.mailSender = mailSender;
        this.properties = properties;
    }

    void send(Mail mail) {
        MimeMessage message =
                new FixedIdMimeMessage(mailSender.createMimeMessage(), mail.messageId());
        try {
            var helper =
                    new MimeMessageHelper(
                            message,
                            MimeMessageHelper.MULTIPART_MODE_RELATED,
                            StandardCharsets.UTF_8.name());
            helper.setFrom(new InternetAddress(properties.from(), properties.fromName(), "UTF-8"));
            helper.setTo(mail.to());
            helper.setSubject(mail.subject());
            helper.setText(mail.text(), mail.html());
        } catch (MessagingException | UnsupportedEncodingException e) {
            throw new MailSendException("could not build the e-mail of " + mail.messageId(), e);
        }
        mailSender.send(message);
    }

    /** Keeps the deterministic Message-ID that JavaMail would otherwise replace on save. */
    private static final class FixedIdMimeMessage extends MimeMessage {
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
