package io.milestones.notifier.delivery;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/** What the status API answers. */
final class DeliveryReport {

    private DeliveryReport() {}

    /**
     * @param milestoneId the milestone
     * @param channels per channel: requests produced by the fan-out and deliveries by status
     * @param email what the recipients' side reported about the e-mails, and who was not mailed
     */
    record Summary(String milestoneId, Map<Channel, Counts> channels, Deliverability email) {}

    /**
     * @param bouncedHard e-mails that bounced for good (SMTP 5xx, DSN 5.x.x, provider event)
     * @param bouncedSoft e-mails that bounced for now (4xx, mailbox full)
     * @param complained e-mails reported as spam
     * @param suppressedBeforeSend audience members the fan-out left out (suppressed already)
     * @param suppressedAtSend requests the senders dropped (suppressed after the fan-out)
     */
    record Deliverability(
            long bouncedHard,
            long bouncedSoft,
            long complained,
            long suppressedBeforeSend,
            long suppressedAtSend) {}

    /**
     * @param requested requests the fan-out produced
     * @param sent accepted by the channel
     * @param failed failed for good
     * @param pending claimed, being sent or waiting for a retry
     * @param queued requested but not picked up by a sender yet
     */
    record Counts(long requested, long sent, long failed, long pending, long queued) {}

    /**
     * @param channel the channel
     * @param recipient the recipient, masked ({@code a***@example.org})
     * @param attempts attempts made
     * @param lastError the last error, addresses in it masked
     * @param updatedAt when it was last tried
     */
    record Failure(
            Channel channel, String recipient, int attempts, String lastError, Instant updatedAt) {}

    /**
     * @param page this page (from 0)
     * @param size page size
     * @param total failures in all
     * @param items the failures on this page, oldest first
     */
    record FailurePage(int page, int size, long total, List<Failure> items) {}
}
