package io.milestones.notifier.delivery;

/** Where one (milestone, channel, recipient) delivery stands. */
public enum DeliveryStatus {
    /** Claimed; being sent or waiting for a retry. */
    PENDING,
    /** Accepted by the channel (SMTP 250, the network's 2xx). Final. */
    SENT,
    /** Rejected for good, or retries exhausted. Final. */
    FAILED,
    /** Not sent: the address is on the suppression list (hard bounce, complaint). Final. */
    SUPPRESSED
}
