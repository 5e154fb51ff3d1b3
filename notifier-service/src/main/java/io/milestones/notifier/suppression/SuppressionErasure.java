package io.milestones.notifier.suppression;

import io.milestones.notifier.subscription.SubscriberErased;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/** Erasure reaches the suppression list: the address goes, the hash keeps it suppressed. */
@Component
class SuppressionErasure {

    private final SuppressionList suppressions;

    SuppressionErasure(SuppressionList suppressions) {
        this.suppressions = suppressions;
    }

    @EventListener
    void on(SubscriberErased erased) {
        if (erased.email() != null) {
            suppressions.forget(erased.email());
        }
    }
}
