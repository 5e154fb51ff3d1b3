package io.milestones.notifier.email;

import io.milestones.notifier.links.SubscriberLinks;
import io.milestones.notifier.milestone.MilestoneView;
import io.milestones.notifier.subscription.Subscription;
import jakarta.mail.internet.MimeUtility;
import jakarta.mail.util.ByteArrayDataSource;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;
import org.springframework.web.util.UriUtils;
import org.thymeleaf.context.Context;
import org.thymeleaf.spring6.SpringTemplateEngine;
import org.unbescape.html.HtmlEscape;

/**
 * Renders e-mails from Thymeleaf templates ({@code notifier/mail/*.html} and {@code .txt}) with the
 * message bundle of the recipient's locale. Thymeleaf escapes all template data in HTML; subjects
 * come from the bundle and are made single-line.
 *
 * <p>A milestone e-mail is rendered once per milestone, language, personal note and card (the
 * fan-out sends the same words to every reader of a language), with stand-ins for the two links
 * that differ per subscriber; each e-mail then gets its own links put in, escaped for HTML as
 * Thymeleaf escapes an attribute. Rendering was a quarter of the sender threads' CPU (B6). A
 * rendering is kept {@link #RENDERED_FOR} at most, so a name erased since is gone from memory soon
 * after (the view, which names the crossing teacher, is part of the key: an erased name is never
 * rendered again).
 */
@Component
class MailComposer {

    private static final String MILESTONE = "notifier/mail/milestone-reached";
    private static final String CONFIRM = "notifier/mail/subscription-confirm";
    private static final String EXISTS = "notifier/mail/subscription-exists";

    /** How long one rendering of a milestone e-mail is reused. */
    static final Duration RENDERED_FOR = Duration.ofSeconds(30);

    private static final int CACHED = 256;

    /** Stand-ins no template or bundle text can contain: a new random value in each JVM. */
    private static final String STAND_IN = "milestones-link-" + UUID.randomUUID();

    private static final String UNSUBSCRIBE_STAND_IN = "https://" + STAND_IN + ".invalid/u";
    private static final String PREFERENCES_STAND_IN = "https://" + STAND_IN + ".invalid/p";

    private final SpringTemplateEngine templates;
    private final MessageSource messages;
    private final MailProperties properties;
    private final SubscriberLinks links;
    private final Clock clock;
    private final Map<Rendering, Rendered> rendered = new ConcurrentHashMap<>();

    MailComposer(
            SpringTemplateEngine templates,
            MessageSource messages,
            MailProperties properties,
            SubscriberLinks links,
            Clock clock) {
        this.templates = templates;
        this.messages = messages;
        this.properties = properties;
        this.links = links;
        this.clock = clock;
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
        Rendered words = render(milestone, locale, named, card, subscriptionId != null);
        String text = words.text();
        String html = words.html();
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
            String unsubscribeUrl = unsubscribe.https().toString();
            String preferencesUrl = links.preferences(subscriptionId).toString();
            text =
                    text.replace(UNSUBSCRIBE_STAND_IN, unsubscribeUrl)
                            .replace(PREFERENCES_STAND_IN, preferencesUrl);
            html =
                    html.replace(UNSUBSCRIBE_STAND_IN, HtmlEscape.escapeHtml4Xml(unsubscribeUrl))
                            .replace(
                                    PREFERENCES_STAND_IN,
                                    HtmlEscape.escapeHtml4Xml(preferencesUrl));
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
                text,
                html,
                messageId(milestone.milestoneId(), recipient),
                unsubscribe,
                card,
                words.encodings());
    }

    /** The texts of a milestone e-mail, links as stand-ins: rendered now or a recent rendering. */
    private Rendered render(
            MilestoneView milestone,
            Locale locale,
            boolean named,
            Mail.InlineImage card,
            boolean subscribed) {
        var key =
                new Rendering(
                        milestone,
                        locale,
                        named,
                        subscribed,
                        card == null ? null : card.contentId(),
                        card == null ? null : card.altText(),
                        card == null ? 0 : card.width(),
                        card == null ? 0 : card.height());
        Instant now = clock.instant();
        Rendered words = rendered.get(key);
        if (words == null || words.at().plus(RENDERED_FOR).isBefore(now)) {
            Context context = new Context(locale);
            context.setVariable("m", milestone);
            context.setVariable("personal", named);
            context.setVariable("card", card);
            if (subscribed) {
                context.setVariable("unsubscribeUrl", UNSUBSCRIBE_STAND_IN);
                context.setVariable("preferencesUrl", PREFERENCES_STAND_IN);
            }
            String text = templates.process(MILESTONE + ".txt", context);
            String html = templates.process(MILESTONE, context);
            words =
                    new Rendered(
                            text,
                            html,
                            new Mail.Encodings(
                                    transferEncoding(text, "text/plain"),
                                    transferEncoding(html, "text/html")),
                            now);
            if (rendered.size() >= CACHED) {
                rendered.clear();
            }
            rendered.put(key, words);
        }
        return words;
    }

    /** What a milestone e-mail's words depend on (the card by what the HTML shows of it). */
    private record Rendering(
            MilestoneView milestone,
            Locale locale,
            boolean named,
            boolean subscribed,
            String cardId,
            String cardAlt,
            int cardWidth,
            int cardHeight) {}

    private record Rendered(String text, String html, Mail.Encodings encodings, Instant at) {}

    /**
     * The transfer encoding JavaMail would pick for {@code body} (it scans every body it sends, 7 %
     * of the senders' time in B6), decided once per rendering. Where it would pick 7bit,
     * quoted-printable: the links put in per subscriber could make a line longer than 7bit allows.
     */
    private static String transferEncoding(String body, String type) {
        try {
            String decided =
                    MimeUtility.getEncoding(
                            new ByteArrayDataSource(body, type + "; charset=UTF-8"));
            return "base64".equals(decided) ? "base64" : "quoted-printable";
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
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
