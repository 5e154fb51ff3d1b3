package io.milestones.notifier.delivery;

/**
 * A way a milestone reaches people. A value in every request and delivery row: e-mail now, the
 * social networks (whose "recipient" is the community's account) once they join the fan-out.
 */
public enum Channel {
    EMAIL,
    MASTODON,
    BLUESKY,
    X,
    /** The default "network": the post is written to the log and kept for GET /api/social/posts. */
    LOG
}
