package io.milestones.notifier.social;

import io.milestones.events.MilestoneReached;
import io.milestones.events.Scope;
import io.milestones.events.ScopeType;
import io.milestones.notifier.milestone.CampaignProperties;
import java.text.NumberFormat;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.Locale;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;

/**
 * The celebration card of a milestone: a PNG (1200×675, drawn in-process) with the number, what was
 * counted, the community, the date and the campaign hashtag, plus an alt text saying the same.
 * Attached to Mastodon and Bluesky posts; the e-mail can embed it or link {@code
 * /api/social/cards/{milestoneId}.png}.
 */
@Component
public class CelebrationCard {

    private final CampaignProperties campaign;
    private final PostLanguages languages;
    private final MessageSource messages;

    CelebrationCard(CampaignProperties campaign, PostLanguages languages, MessageSource messages) {
        this.campaign = campaign;
        this.languages = languages;
        this.messages = messages;
    }

    /** The card in the language the milestone is announced in. */
    public SocialImage render(MilestoneReached milestone) {
        return render(milestone.scope(), milestone.threshold(), milestone.reachedAt(), null);
    }

    /**
     * The card of a milestone of {@code scope} at {@code threshold} reached at {@code reachedAt},
     * in {@code locale} ({@code null}: the milestone's announcement language).
     */
    public SocialImage render(Scope scope, long threshold, Instant reachedAt, Locale locale) {
        Locale language = locale == null ? languages.of(scope) : locale;
        String number = NumberFormat.getIntegerInstance(language).format(threshold);
        String place =
                scope.type() == ScopeType.COUNTRY
                        ? new Locale("", scope.key()).getDisplayCountry(language)
                        : null;
        String date =
                DateTimeFormatter.ofLocalizedDate(FormatStyle.LONG)
                        .withLocale(language)
                        .format(reachedAt.atZone(ZoneOffset.UTC));
        String hashtag = campaign.hashtag(scope, threshold);
        String community = campaign.community();
        String caption;
        String alt;
        if (scope.type() == ScopeType.CAMPAIGN) {
            caption = messages.getMessage("social.card.caption.campaign", null, language);
            alt =
                    messages.getMessage(
                            "social.card.alt.campaign",
                            new Object[] {community, number, date, hashtag},
                            language);
        } else if (place == null) {
            caption = messages.getMessage("social.card.caption.global", null, language);
            alt =
                    messages.getMessage(
                            "social.card.alt.global",
                            new Object[] {community, number, date, hashtag},
                            language);
        } else {
            caption =
                    messages.getMessage(
                            "social.card.caption.country", new Object[] {place}, language);
            alt =
                    messages.getMessage(
                            "social.card.alt.country",
                            new Object[] {community, number, place, date, hashtag},
                            language);
        }
        var content = new CardPainter.Content(community, number, caption, date, hashtag);
        return new SocialImage(
                CardPainter.png(content, scope.milestoneId(threshold).hashCode()),
                alt,
                CardPainter.WIDTH,
                CardPainter.HEIGHT);
    }
}
