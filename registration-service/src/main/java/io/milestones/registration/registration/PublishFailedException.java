package io.milestones.registration.registration;

/** The broker did not acknowledge a registration event; the client should retry. */
class PublishFailedException extends RuntimeException {

    PublishFailedException(Throwable cause) {
        super("the event broker did not acknowledge the registration", cause);
    }
}
