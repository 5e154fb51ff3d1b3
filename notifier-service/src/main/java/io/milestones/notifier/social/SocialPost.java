package io.milestones.notifier.social;

import com.fasterxml.jackson.annotation.JsonIgnore;
import java.time.Instant;
import java.util.Locale;

/**
 * A post announcing a milestone on one network.
 *
 * @param milestoneId the milestone announced
 * @param network where it goes ({@code log}, {@code mastodon}, ...)
 * @param text the full text, hashtags included, within the network's limit
 * @param language the language of the text
 * @param reachedAt when the milestone was reached (stable across redeliveries; part of Bluesky's
 *     record key)
 * @param composedAt when it was composed
 * @param image the celebration card to attach, or {@code null}
 */
public record SocialPost(
        String milestoneId,
        String network,
        String text,
        Locale language,
        Instant reachedAt,
        Instant composedAt,
        @JsonIgnore SocialImage image) {

    /** The same post with {@code image} attached. */
    SocialPost withImage(SocialImage image) {
        return new SocialPost(milestoneId, network, text, language, reachedAt, composedAt, image);
    }
}
