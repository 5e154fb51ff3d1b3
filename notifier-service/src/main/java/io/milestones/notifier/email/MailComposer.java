package io.milestones.notifier.email;

import io.milestones.notifier.milestone.MilestoneView;
import java.nio.charset.StandardCharsets;
import java.util.HexFormat;
import java.util.Locale;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;
import org.thymeleaf.context.Context;
import org.thymeleaf.spring6.SpringTemplateEngine;

/**
 * Renders the congratulation e-mail from Thymeleaf templates ({@code notifier/mail/milestone-
 * reached.html} and {@code .txt}) with the message bundle of the recipient's locale. Thymeleaf
 * escapes all template data in HTML.
 */
@Component
class MailComposer {

    private final SpringTemplateEngine templates;
    private final MessageSource messages;
    private final MailProperties properties;

    MailComposer(
            SpringTemplateEngine templates, MessageSource messages, MailProperties properties) {
        this.templates = templates;
        this.messages = messages;
        this.properties = properties;
    }

    Mail compose(MilestoneView milestone, String recipient, Locale locale) {
        Context context = new Context(locale);
        context.setVariable("m", milestone);
        String subjectKey =
                milestone.place() == null ? "mail.subject.global" : "mail.subject.country";
        String subject =
                messages.getMessage(
                        subjectKey,
                        new Object[] {
                            milestone.community(), milestone.threshold(), milestone.place()
                        },
                        locale);
        return new Mail(
                recipient,
                HeaderValues.singleLine(subject),
                templates.process("notifier/mail/milestone-reached.txt", context),
                templates.process("notifier/mail/milestone-reached", context),
                messageId(milestone.milestoneId(), recipient));
    }

    /** The same milestone to the same recipient always carries the same Message-ID. */
    private String messageId(String milestoneId, String recipient) {
        byte[] digest = sha256(recipient.toLowerCase(Locale.ROOT));
        return milestoneId.replace(':', '.')
                + "."
                + HexFormat.of().formatHex(digest, 0, 12)
                + "@"
                + properties.messageIdDomain();
    }

    private static byte[] sha256(String value) {
        try {
            return java.security.MessageDigest.getInstance("SHA-256")
                    .digest(value.getBytes(StandardCharsets.UTF_8));
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JDK", e);
        }
    }
}
