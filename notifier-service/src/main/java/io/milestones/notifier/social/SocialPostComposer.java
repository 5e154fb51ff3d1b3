package io.milestones.notifier.social;

import io.milestones.events.MilestoneReached;
import io.milestones.notifier.milestone.CampaignProperties;
import io.milestones.notifier.milestone.MilestoneView;
import java.time.Clock;
import java.util.Locale;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;

/**
 * Writes the announcement of a milestone for one network: headline (the count, a country's count or
 * the participants of the campaign's chain: "500 teachers have answered #1MeTwinners!"), the chain
 * question, an invitation, the optional link and the hashtags, in the milestone's language (a
 * country's milestones in the country's main language), fitted to the network's limit. A bundle may
 * word a part for one network ({@code social.invite.x}); otherwise every network shares the
 * wording. Hashtags and the link are never cut; the invitation goes first, then the question is
 * shortened, then the headline.
 */
@Component
class SocialPostComposer {

    private final CampaignProperties campaign;
    private final SocialProperties social;
    private final PostLanguages languages;
    private final MessageSource messages;
    private final Clock clock;

    SocialPostComposer(
            CampaignProperties campaign,
            SocialProperties social,
            PostLanguages languages,
            MessageSource messages,
            Clock clock) {
        this.campaign = campaign;
        this.social = social;
        this.languages = languages;
        this.messages = messages;
        this.clock = clock;
    }

    SocialPost compose(MilestoneReached milestone, String network, PostLimit limit) {
        Locale locale = languages.of(milestone.scope());
        MilestoneView view = MilestoneView.of(milestone, campaign, locale);
        // every kind shares the arguments: community, number, country (or null), hashtag
        String headline =
                message(
                        "social.headline." + view.kind(),
                        network,
                        locale,
                        view.community(),
                        view.threshold(),
                        view.place(),
                        view.hashtag());
        String question = view.question(); // milestones.campaign.questions, per language
        String hashtags = view.hashtag() + " #" + campaign.memberTag();
        String invite = message("social.invite", network, locale, view.hashtag());
        String link = social.link() == null ? null : social.link().toString();
        String text = new PostText(headline, question, invite, link, hashtags).fit(limit);
        return new SocialPost(
                milestone.milestoneId(),
                network,
                text,
                locale,
                milestone.reachedAt(),
                clock.instant(),
                null);
    }

    /** The network's own wording ({@code <key>.<network>}) when its bundle has one. */
    private String message(String key, String network, Locale locale, Object... args) {
        String own = messages.getMessage(key + "." + network, args, null, locale);
        return own != null ? own : messages.getMessage(key, args, locale);
    }
}
