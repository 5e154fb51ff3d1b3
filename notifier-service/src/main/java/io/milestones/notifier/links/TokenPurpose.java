package io.milestones.notifier.links;

/** What a signed link allows; a token for one purpose is worthless for another. */
public enum TokenPurpose {
    /** Confirm a subscription (double opt-in). */
    CONFIRM,
    /** Unsubscribe in one click (RFC 8058). */
    UNSUBSCRIBE,
    /** Change language and scopes. */
    PREFERENCES
}
