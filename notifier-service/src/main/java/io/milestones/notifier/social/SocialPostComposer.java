package io.milestones.notifier.social;

import io.milestones.events.MilestoneReached;
import io.milestones.notifier.milestone.CampaignProperties;
import io.milestones.notifier.milestone.MilestoneView;
import java.time.Clock;
import java.util.Locale;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;

/** Writes the announcement: the milestone, the chain question and the campaign hashtags. */
@Component
class SocialPostComposer {

    private final CampaignProperties campaign;
    private final MessageSource messages;
    private final Clock clock;

    SocialPostComposer(CampaignProperties campaign, MessageSource messages, Clock clock) {
        this.campaign = campaign;
        this.messages = messages;
        this.clock = clock;
    }

    SocialPost compose(MilestoneReached milestone, String network, Locale locale) {
        MilestoneView view = MilestoneView.of(milestone, campaign, locale);
        String headline =
                view.place() == null
                        ? messages.getMessage(
                                "social.headline.global",
                                new Object[] {view.community(), view.threshold()},
                                locale)
                        : messages.getMessage(
                                "social.headline.country",
                                new Object[] {view.community(), view.threshold(), view.place()},
                                locale);
        String text =
                headline
                        + "\n\n"
                        + view.question()
                        + "\n\n"
                        + view.hashtag()
                        + " #"
                        + campaign.memberTag();
        return new SocialPost(milestone.milestoneId(), network, text, locale, clock.instant());
    }
}
