package io.milestones.notifier.social;

/**
 * A social network the community's account posts to. Each adapter is switched on by configuration
 * ({@code milestones.social.<network>.enabled}); the log publisher is always there.
 */
public interface SocialPublisher {

    /** The network's name, e.g. {@code mastodon}. */
    String network();

    /** The account posted as (no secret), e.g. the handle; the recipient of the delivery. */
    default String account() {
        return network();
    }

    /** How the network measures text and how much it takes. */
    default PostLimit limit() {
        return PostLimit.MASTODON;
    }

    /** Whether posts here carry the celebration card (it is drawn only when some network does). */
    default boolean attachesImage() {
        return false;
    }

    /**
     * Publishes {@code post}, at most once per milestone on this network even when called again
     * (after a crash or a redelivery).
     *
     * @return where the post now lives; {@link PublishedPost#alreadyPosted()} when the network
     *     reported the same post as existing
     * @throws SocialPostRejectedException on a permanent failure (401, 403, 422): retrying does not
     *     help, the record belongs in the dead-letter topic
     * @throws SocialNetworkUnavailableException when the network stayed unavailable or rate-limited
     *     beyond the configured retries: retry later
     */
    PublishedPost publish(SocialPost post);
}
