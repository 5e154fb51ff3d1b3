package io.milestones.notifier.subscription;

/** Where a subscription stands. Only confirmed subscriptions receive milestone mail. */
public enum SubscriptionStatus {
    /** Asked for through the API; the double opt-in link has not been followed yet. */
    PENDING,
    /** Opted in: by the confirmation link, or by consent at registration. */
    CONFIRMED
}
