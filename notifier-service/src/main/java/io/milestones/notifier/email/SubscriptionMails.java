package io.milestones.notifier.email;

import io.milestones.notifier.milestone.CampaignProperties;
import io.milestones.notifier.subscription.Subscription;
import io.milestones.notifier.subscription.SubscriptionMailer;
import jakarta.mail.MessagingException;
import org.springframework.mail.MailSendException;
import org.springframework.stereotype.Component;

/** The mails of the subscription process, sent like every other e-mail. */
@Component
class SubscriptionMails implements SubscriptionMailer {

    private final MailComposer composer;
    private final SmtpMailer mailer;
    private final CampaignProperties campaign;

    SubscriptionMails(MailComposer composer, SmtpMailer mailer, CampaignProperties campaign) {
        this.composer = composer;
        this.mailer = mailer;
        this.campaign = campaign;
    }

    @Override
    public void sendConfirmation(Subscription subscription) {
        send(composer.confirmation(subscription, campaign.community()));
    }

    @Override
    public void sendAlreadySubscribed(Subscription subscription) {
        send(composer.alreadySubscribed(subscription, campaign.community()));
    }

    private void send(Mail mail) {
        try {
            mailer.send(mail);
        } catch (MessagingException e) {
            throw new MailSendException("subscription mail not sent", e);
        }
    }
}
