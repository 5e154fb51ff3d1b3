package io.milestones.notifier.social;

import java.time.Duration;

/**
 * A network was unavailable (5xx, timeout) or rate-limited (429) for longer than the configured
 * retries: a transient failure, worth retrying later.
 */
public class SocialNetworkUnavailableException extends RuntimeException {

    private final String network;
    private final Duration retryAfter;

    public SocialNetworkUnavailableException(
            String network, String message, Duration retryAfter, Throwable cause) {
        super(network + " unavailable: " + message, cause);
        this.network = network;
        this.retryAfter = retryAfter;
    }

    public String network() {
        return network;
    }

    /** How long the network asked to wait, or {@code null} when it did not say. */
    public Duration retryAfter() {
        return retryAfter;
    }
}
