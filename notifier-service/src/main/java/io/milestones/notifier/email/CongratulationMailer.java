package io.milestones.notifier.email;

import io.milestones.events.MilestoneReached;
import io.milestones.notifier.milestone.CampaignProperties;
import io.milestones.notifier.milestone.MilestoneChannel;
import io.milestones.notifier.milestone.MilestoneView;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/** Sends the congratulation e-mail of each milestone to the configured recipients. */
@Component
class CongratulationMailer implements MilestoneChannel {

    private static final Logger log = LoggerFactory.getLogger(CongratulationMailer.class);

    private final MailComposer composer;
    private final SmtpMailer sender;
    private final CampaignProperties campaign;
    private final MailProperties properties;

    CongratulationMailer(
            MailComposer composer,
            SmtpMailer sender,
            CampaignProperties campaign,
            MailProperties properties) {
        this.composer = composer;
        this.sender = sender;
        this.campaign = campaign;
        this.properties = properties;
    }

    @Override
    public void celebrate(MilestoneReached milestone) {
        MilestoneView view = MilestoneView.of(milestone, campaign, properties.locale());
        for (String recipient : properties.recipients()) {
            sender.send(composer.compose(view, recipient, properties.locale()));
        }
        log.info(
                "Milestone {}: congratulation e-mail sent to {} recipient(s)",
                milestone.milestoneId(),
                properties.recipients().size());
    }
}
