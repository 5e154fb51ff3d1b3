package io.milestones.notifier.milestone;

import io.milestones.events.MilestoneReached;
import io.milestones.events.ScopeType;
import java.text.NumberFormat;
import java.util.Locale;

/**
 * A milestone as people read it, in one locale: the number formatted (1.000.000 in Italian), the
 * country named in the reader's language.
 *
 * @param milestoneId the milestone
 * @param threshold the number celebrated, formatted
 * @param place the country's name, or {@code null} for the global count
 * @param hashtag the campaign hashtag
 * @param community the community's name
 * @param question the social-chain question, in the reader's language
 * @param crossedByName the name of the teacher who crossed the line, when they consented
 */
public record MilestoneView(
        String milestoneId,
        String threshold,
        String place,
        String hashtag,
        String community,
        String question,
        String crossedByName) {

    public static MilestoneView of(
            MilestoneReached milestone, CampaignProperties campaign, Locale locale) {
        String place =
                milestone.scope().type() == ScopeType.COUNTRY
                        ? new Locale("", milestone.scope().key()).getDisplayCountry(locale)
                        : null;
        return new MilestoneView(
                milestone.milestoneId(),
                NumberFormat.getIntegerInstance(locale).format(milestone.threshold()),
                place,
                campaign.hashtag(milestone.threshold()),
                campaign.community(),
                campaign.question(locale),
                milestone.crossedBy().displayName());
    }
}
