package io.milestones.notifier.milestone;

import io.milestones.events.MilestoneReached;
import io.milestones.events.ScopeType;
import java.text.NumberFormat;
import java.util.Locale;
import java.util.Optional;

/**
 * A milestone as people read it, in one locale: the number formatted (1.000.000 in Italian), the
 * country named in the reader's language.
 *
 * @param milestoneId the milestone
 * @param kind which texts tell it: {@code global}, {@code country} or {@code campaign} (the
 *     participants of a campaign's social chain); message keys end with it ({@code
 *     mail.body.campaign})
 * @param threshold the number celebrated, formatted
 * @param place the country's name, or {@code null} for the global count
 * @param hashtag the campaign hashtag
 * @param community the community's name
 * @param question the social-chain question, in the reader's language
 * @param crossedByName the name of the teacher who crossed the line, only when they agreed to be
 *     named to others ({@code consents.publicName})
 * @param personalName the same teacher's name for the personal note to themself, which needs no
 *     consent beyond the one to receive the mail
 */
public record MilestoneView(
        String milestoneId,
        String kind,
        String threshold,
        String place,
        String hashtag,
        String community,
        String question,
        String crossedByName,
        String personalName) {

    /** The milestone naming nobody (posts, the card). */
    public static MilestoneView of(
            MilestoneReached milestone, CampaignProperties campaign, Locale locale) {
        return of(milestone, campaign, locale, Optional.empty());
    }

    /**
     * The milestone with the crossing teacher's name where they allowed it.
     *
     * @param name the crossing teacher's entry in {@code teacher_names}; empty when unknown or
     *     erased
     */
    public static MilestoneView of(
            MilestoneReached milestone,
            CampaignProperties campaign,
            Locale locale,
            Optional<TeacherName> name) {
        if (milestone.scope().type() == ScopeType.CAMPAIGN) {
            name = Optional.empty(); // a post crossed the line, not a teacher: nobody to name
        }
        String place =
                milestone.scope().type() == ScopeType.COUNTRY
                        ? new Locale("", milestone.scope().key()).getDisplayCountry(locale)
                        : null;
        return new MilestoneView(
                milestone.milestoneId(),
                kindOf(milestone.scope().type()),
                NumberFormat.getIntegerInstance(locale).format(milestone.threshold()),
                place,
                campaign.hashtag(milestone.scope(), milestone.threshold()),
                campaign.community(),
                campaign.question(locale),
                name.filter(TeacherName::publicName).map(TeacherName::displayName).orElse(null),
                name.map(TeacherName::displayName).orElse(null));
    }

    /**
     * The texts a scope is told with: a country's own; a campaign's chain its own; the global
     * count's for everything else (a language scope is told like the whole community).
     */
    static String kindOf(ScopeType type) {
        return switch (type) {
            case COUNTRY -> "country";
            case CAMPAIGN -> "campaign";
            case GLOBAL, LANGUAGE -> "global";
        };
    }
}
