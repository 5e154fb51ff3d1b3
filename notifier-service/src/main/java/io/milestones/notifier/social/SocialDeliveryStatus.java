package io.milestones.notifier.social;

/** Where a social post stands. */
public enum SocialDeliveryStatus {
    /** A publication started and has no outcome yet (or failed transiently and will be retried). */
    PENDING,
    /** The network holds the post. */
    POSTED,
    /** The network refused it for good; the reason is in {@code lastError}. */
    FAILED
}
