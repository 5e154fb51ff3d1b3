package io.milestones.notifier.social;

/**
 * A network refused a post for good (401, 403, 422 and other 4xx): credentials, permissions or
 * content are wrong, and retrying does not help. The delivery is recorded failed with {@link
 * #reason()}; the milestone record belongs in the dead-letter topic (mark this exception not
 * retryable in the error handler).
 */
public class SocialPostRejectedException extends RuntimeException {

    private final String network;
    private final int status;
    private final String reason;

    public SocialPostRejectedException(String network, int status, String reason) {
        super(network + " rejected the post (HTTP " + status + "): " + reason);
        this.network = network;
        this.status = status;
        this.reason = reason;
    }

    public String network() {
        return network;
    }

    /** The HTTP status the network answered. */
    public int status() {
        return status;
    }

    /** The network's own explanation, as found in its error body. */
    public String reason() {
        return reason;
    }
}
