package io.milestones.notifier.suppression;

/**
 * One bounce or complaint, from wherever it was learnt.
 *
 * @param address the recipient's address
 * @param type hard, soft or complaint
 * @param source where it was learnt: {@code smtp}, {@code bounce-mailbox}, {@code ses}, {@code
 *     sendgrid}, {@code postmark}
 * @param milestoneId the milestone whose e-mail bounced, when known (the delivery row is marked)
 * @param eventId what makes this report unique (the milestone, or the provider's event id): a soft
 *     bounce counts once per event id
 * @param detail the status or diagnostic, for ops (addresses in it are masked before storing)
 */
public record Bounce(
        String address,
        BounceType type,
        String source,
        String milestoneId,
        String eventId,
        String detail) {}
