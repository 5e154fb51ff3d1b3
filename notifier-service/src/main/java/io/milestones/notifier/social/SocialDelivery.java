package io.milestones.notifier.social;

import java.time.Instant;

/**
 * The outcome of one milestone's post on one network.
 *
 * @param milestoneId the milestone
 * @param network the network ({@code mastodon}, {@code bluesky}, {@code x}, {@code log})
 * @param account the account posted as (handle, server), never a secret
 * @param status where it stands
 * @param attempts publications started so far
 * @param postId the network's id of the post, when known
 * @param postUrl a link to the post, when known
 * @param lastError the latest failure's reason, or {@code null}
 * @param updatedAt when this was recorded
 */
public record SocialDelivery(
        String milestoneId,
        String network,
        String account,
        SocialDeliveryStatus status,
        int attempts,
        String postId,
        String postUrl,
        String lastError,
        Instant updatedAt) {}
