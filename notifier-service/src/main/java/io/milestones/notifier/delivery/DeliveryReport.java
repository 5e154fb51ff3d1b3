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
     */
    record Summary(String milestoneId, Map<Channel, Counts> channels) {}

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
