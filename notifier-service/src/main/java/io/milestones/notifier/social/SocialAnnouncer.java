package io.milestones.notifier.social;

import io.milestones.events.MilestoneReached;
import io.milestones.notifier.milestone.MilestoneChannel;
import java.util.List;
import java.util.Locale;
import org.springframework.stereotype.Component;

/** Announces each milestone on every enabled social network. */
@Component
class SocialAnnouncer implements MilestoneChannel {

    private final SocialPostComposer composer;
    private final List<SocialPublisher> publishers;

    SocialAnnouncer(SocialPostComposer composer, List<SocialPublisher> publishers) {
        this.composer = composer;
        this.publishers = publishers;
    }

    @Override
    public void celebrate(MilestoneReached milestone) {
        for (SocialPublisher publisher : publishers) {
            publisher.publish(composer.compose(milestone, publisher.network(), Locale.ENGLISH));
        }
    }
}
