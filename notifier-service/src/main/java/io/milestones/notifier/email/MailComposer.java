package io.milestones.notifier.email;

import io.milestones.notifier.links.SubscriberLinks;
import io.milestones.notifier.milestone.MilestoneView;
import io.milestones.notifier.subscription.Subscription;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Locale;
import java.util.UUID;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;
import org.springframework.web.util.UriUtils;
import org.thymeleaf.context.Context;
import org.thymeleaf.spring6.SpringTemplateEngine;

/**
 * Renders e-mails from Thymeleaf templates ({@code notifier/mail/*.html} and {@code .txt}) with the
 * message bundle of the recipient's locale. Thymeleaf escapes all template data in HTML; subjects
 * come from the bundle and are made single-line.
 */
@Component
class MailComposer {

    private static final String MILESTONE = "notifier/mail/milestone-reached";
    private static final String CONFIRM = "notifier/mail/subscription-confirm";
    private static final String EXISTS = "notifier/mail/subscription-exists";

    private final SpringTemplateEngine templates;
    private final MessageSource messages;
    private final MailProperties properties;
    private final SubscriberLinks links;

    MailComposer(
            SpringTemplateEngine templates,
            MessageSource messages,
            MailProperties properties,
            SubscriberLinks links) {
        this.templates = templates;
        this.messages = messages;
        this.properties = properties;
        this.links = links;
    }

    /**
     * The congratulation e-mail of {@code milestone} to {@code recipient}.
     *
     * @param personal the recipient crossed the line (and consented): a personal note
     * @param subscriptionId their subscription, for the unsubscribe and preferences links; {@code
     *     null} for team addresses
     * @param card the celebration card shown inline by the HTML, or {@code null}
     */
    Mail milestone(
            MilestoneView milestone,
            String recipient,
            Locale locale,
            boolean personal,
            UUID subscriptionId,
            Mail.InlineImage card) {
        // a campaign's chain milestone is crossed by a post, never by a teacher: no personal note
        boolean named =
                personal
                        && milestone.personalName() != null
                        && !milestone.kind().equals("campaign");
        Context context = new Context(locale);
        context.setVariable("m", milestone);
        context.setVariable("personal", named);
        context.setVariable("card", card);
        Mail.Unsubscribe unsubscribe = null;
        if (subscriptionId != null) {
            String token = links.unsubscribeToken(subscriptionId);
            unsubscribe =
                    new Mail.Unsubscribe(
                            links.unsubscribeUrl(token),
                            URI.create(
                                    "mailto:"
                                            + properties.unsubscribeMailbox()
                                            + "?subject="
                                            + UriUtils.encodeQueryParam(
                                                    "unsubscribe " + token,
                                                    StandardCharsets.UTF_8)));
            context.setVariable("unsubscribeUrl", unsubscribe.https());
            context.setVariable("preferencesUrl", links.preferences(subscriptionId));
        }
        String subjectKey = (named ? "mail.subject.personal." : "mail.subject.") + milestone.kind();
        String subject =
                messages.getMessage(
                        subjectKey,
                        new Object[] {
                            milestone.community(),
                            milestone.threshold(),
                            milestone.place(),
                            milestone.personalName(),
                            milestone.hashtag()
                        },
                        locale);
        return new Mail(
                recipient,
                HeaderValues.singleLine(subject),
                templates.process(MILESTONE + ".txt", context),
                templates.process(MILESTONE, context),
                messageId(milestone.milestoneId(), recipient),
                unsubscribe,
                card);
    }

    /** The double opt-in mail. */
    Mail confirmation(Subscription subscription, String community) {
        return subscriptionMail(
                CONFIRM,
                "optin.subject",
                subscription,
                community,
                links.confirm(subscription.id()));
    }

    /** The note to an address that is subscribed already. */
    Mail alreadySubscribed(Subscription subscription, String community) {
        return subscriptionMail(
                EXISTS,
                "exists.subject",
                subscription,
                community,
                links.preferences(subscription.id()));
    }

    private Mail subscriptionMail(
            String template, String subjectKey, Subscription s, String community, URI link) {
        Locale locale = s.locale();
        Context context = new Context(locale);
        context.setVariable("community", community);
        context.setVariable("link", link);
        String subject = messages.getMessage(subjectKey, new Object[] {community}, locale);
        return new Mail(
                s.email(),
                HeaderValues.singleLine(subject),
                templates.process(template + ".txt", context),
                templates.process(template, context),
                null,
                null,
                null);
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
            return MessageDigest.getInstance("SHA-256")
                    .digest(value.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JDK", e);
        }
    }
}
