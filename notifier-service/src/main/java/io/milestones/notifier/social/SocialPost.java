package io.milestones.notifier.social;

import java.time.Instant;
import java.util.Locale;

/**
 * A post announcing a milestone on one network.
 *
 * @param milestoneId the milestone announced
 * @param network where it goes ({@code log}, {@code mastodon}, ...)
 * @param text the full text, hashtags included
 * @param language the language of the text
 * @param composedAt when it was composed
 */
public record SocialPost(
        String milestoneId, String network, String text, Locale language, Instant composedAt) {}
