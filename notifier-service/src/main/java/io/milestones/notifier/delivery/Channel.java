package io.milestones.notifier.delivery;

/**
 * A way a milestone reaches people. A value in every request and delivery row: e-mail, and each
 * social network (whose "recipient" is the community's account), named as the network's {@code
 * SocialPublisher#network()} in upper case. A network without its value here could not record its
 * post: {@code TableSocialDeliveries} refuses to start then.
 */
public enum Channel {
    EMAIL,
    MASTODON,
    BLUESKY,
    X,
    FACEBOOK,
    INSTAGRAM,
    LINKEDIN,
    /** The default "network": the post is written to the log and kept for GET /api/social/posts. */
    LOG
}
