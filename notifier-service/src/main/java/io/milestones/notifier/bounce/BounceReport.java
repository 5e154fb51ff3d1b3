package io.milestones.notifier.bounce;

/**
 * What one message of the bounce mailbox says.
 *
 * @param kind its classification
 * @param recipient the address that bounced or complained ({@code Final-Recipient}, {@code
 *     Original-Rcpt-To}), or {@code null}
 * @param returnToken the VERP token it was sent back to, or {@code null}
 * @param originalMessageId the {@code Message-ID} of the returned message, or {@code null}
 * @param detail status and diagnostic, for ops
 */
record BounceReport(
        Kind kind, String recipient, String returnToken, String originalMessageId, String detail) {

    enum Kind {
        /** RFC 3464 status 5.x.x (or a classic bounce naming failed recipients). */
        HARD,
        /** RFC 3464 status 4.x.x. */
        SOFT,
        /** RFC 5965 (ARF) abuse report. */
        COMPLAINT,
        /** Out-of-office, vacation and other automatic answers: never a bounce. */
        AUTO_REPLY,
        /** Anything else: left in the mailbox. */
        UNKNOWN
    }
}
