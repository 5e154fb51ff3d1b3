package io.milestones.notifier.email;

import io.milestones.events.MilestoneReached;
import io.milestones.notifier.delivery.Channel;
import io.milestones.notifier.delivery.ChannelSender;
import io.milestones.notifier.delivery.NotificationRequest;
import io.milestones.notifier.delivery.TransientDeliveryException;
import io.milestones.notifier.milestone.CampaignProperties;
import io.milestones.notifier.milestone.MilestoneArchive;
import io.milestones.notifier.milestone.MilestoneView;
import io.milestones.notifier.milestone.TeacherNames;
import io.milestones.notifier.suppression.Bounce;
import io.milestones.notifier.suppression.Bounces;
import jakarta.mail.MessagingException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.stereotype.Component;

/**
 * The e-mail channel: renders the request's milestone in the recipient's language and sends it. A
 * refusal of the address at {@code RCPT TO} is a bounce, recorded before the failure is reported.
 */
@Component
class EmailSender implements ChannelSender {

    /** Milestones are re-read at most this often; they name nobody, so the cache holds no name. */
    private static final Duration CACHE = Duration.ofSeconds(30);

    private final MailComposer composer;
    private final SmtpMailer mailer;
    private final MailCard card;
    private final MilestoneArchive archive;
    private final TeacherNames names;
    private final CampaignProperties campaign;
    private final Clock clock;
    private final Bounces bounces;
    private final ReturnPaths returnPaths;
    private final Map<String, Cached> milestones = new ConcurrentHashMap<>();

    EmailSender(
            MailComposer composer,
            SmtpMailer mailer,
            MailCard card,
            MilestoneArchive archive,
            TeacherNames names,
            CampaignProperties campaign,
            Clock clock,
            Bounces bounces,
            ReturnPaths returnPaths) {
        this.composer = composer;
        this.mailer = mailer;
        this.card = card;
        this.archive = archive;
        this.names = names;
        this.campaign = campaign;
        this.clock = clock;
        this.bounces = bounces;
        this.returnPaths = returnPaths;
    }

    @Override
    public Channel channel() {
        return Channel.EMAIL;
    }

    @Override
    public void deliver(NotificationRequest request) {
        Locale locale = Locale.forLanguageTag(request.language());
        MilestoneReached milestone = milestone(request.milestoneId());
        // the name is read now, never cached: an erasure reaches every mail rendered after it
        MilestoneView view =
                MilestoneView.of(
                        milestone, campaign, locale, names.find(milestone.crossedBy().teacherId()));
        Mail mail =
                composer.milestone(
                        view,
                        request.recipient(),
                        locale,
                        request.personal(),
                        request.subscriptionId(),
                        card.of(milestone, locale));
        try {
            mailer.send(
                    mail, returnPaths.of(request.milestoneId(), request.recipient()).orElse(null));
        } catch (MessagingException | RuntimeException e) {
            SmtpFailures.recipientBounce(e)
                    .ifPresent(
                            type ->
                                    bounces.record(
                                            new Bounce(
                                                    request.recipient(),
                                                    type,
                                                    "smtp",
                                                    request.milestoneId(),
                                                    request.milestoneId(),
                                                    SmtpFailures.describeMasked(e))));
            throw SmtpFailures.classify(e);
        }
    }

    private MilestoneReached milestone(String milestoneId) {
        Instant now = clock.instant();
        Cached cached = milestones.get(milestoneId);
        if (cached == null || cached.at().plus(CACHE).isBefore(now)) {
            MilestoneReached milestone =
                    archive.find(milestoneId)
                            .orElseThrow(
                                    () ->
                                            new TransientDeliveryException(
                                                    "milestone " + milestoneId + " not on record",
                                                    null));
            if (milestones.size() > 1_000) {
                milestones.clear();
            }
            cached = new Cached(milestone, now);
            milestones.put(milestoneId, cached);
        }
        return cached.milestone();
    }

    private record Cached(MilestoneReached milestone, Instant at) {}
}
