package io.milestones.notifier.delivery;

/** Will never work: SMTP 5xx recipient rejected, a malformed address. Recorded FAILED at once. */
public class PermanentDeliveryException extends RuntimeException {
    public PermanentDeliveryException(String message, Throwable cause) {
        super(message, cause);
    }
}
