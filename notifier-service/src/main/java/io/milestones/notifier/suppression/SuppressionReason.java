package io.milestones.notifier.suppression;

/** Why an address is on the suppression list. */
public enum SuppressionReason {
    /** One hard bounce. */
    HARD_BOUNCE,
    /** Soft bounces past the threshold within the window. */
    SOFT_BOUNCES,
    /** A spam complaint; the subscription was removed too. */
    COMPLAINT,
    /** Added by ops. */
    MANUAL
}
