package io.milestones.notifier.suppression;

/** What the recipient's side reported about an e-mail after we sent (or tried to send) it. */
public enum BounceType {
    /** Permanent: the address does not exist or refuses mail (SMTP 5xx, DSN status 5.x.x). */
    HARD,
    /** Temporary: mailbox full, greylisting, server busy (SMTP 4xx, DSN status 4.x.x). */
    SOFT,
    /** The recipient marked the e-mail as spam (ARF report, provider complaint event). */
    COMPLAINT
}
