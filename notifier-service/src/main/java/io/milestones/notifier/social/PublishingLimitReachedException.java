package io.milestones.notifier.social;

import java.time.Duration;

/**
 * The account's publishing limit is used up (Instagram's {@code content_publishing_limit}: {@code
 * quota_usage} ≥ {@code config.quota_total} over the rolling {@code config.quota_duration}). Not a
 * failure of the post: {@link SocialAnnouncer} keeps its delivery {@code PENDING} and has {@link
 * WaitingPosts} try it again in this process when the window may have freed a slot, without holding
 * up the milestone's other networks.
 */
class PublishingLimitReachedException extends SocialNetworkUnavailableException {

    private final int used;
    private final int total;
    private final Duration window;

    PublishingLimitReachedException(String network, int used, int total, Duration window) {
        super(
                network,
                "publishing limit used up: "
                        + used
                        + " of "
                        + total
                        + " posts in "
                        + window.toHours()
                        + " h",
                window,
                null);
        this.used = used;
        this.total = total;
        this.window = window;
    }

    int used() {
        return used;
    }

    int total() {
        return total;
    }

    /** The rolling window the limit counts over ({@code config.quota_duration}). */
    Duration window() {
        return window;
    }
}
