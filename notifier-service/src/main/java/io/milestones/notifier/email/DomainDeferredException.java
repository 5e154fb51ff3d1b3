package io.milestones.notifier.email;

import io.milestones.notifier.delivery.TransientDeliveryException;

/**
 * The recipient's domain may not be sent to right now (paused after a "try later", or at its
 * limit): the e-mail goes to the retry topics untried, and the sender thread moves on.
 */
class DomainDeferredException extends TransientDeliveryException {
    DomainDeferredException(String message) {
        super(message, null);
    }
}
