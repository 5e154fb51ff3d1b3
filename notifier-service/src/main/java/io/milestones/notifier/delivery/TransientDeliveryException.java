package io.milestones.notifier.delivery;

/** Worth trying again later: connection refused, timeouts, SMTP 4xx. Goes to a retry topic. */
public class TransientDeliveryException extends RuntimeException {
    public TransientDeliveryException(String message, Throwable cause) {
        super(message, cause);
    }
}
