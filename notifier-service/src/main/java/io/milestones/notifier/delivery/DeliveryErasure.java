package io.milestones.notifier.delivery;

import io.milestones.notifier.subscription.SubscriberErased;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/** An erased teacher's address leaves the deliveries table; the counts stay right. */
@Component
class DeliveryErasure {

    private final Deliveries deliveries;

    DeliveryErasure(Deliveries deliveries) {
        this.deliveries = deliveries;
    }

    /** What an erased address becomes in the deliveries table: this, then its SHA-256 in hex. */
    static final String PSEUDONYM_PREFIX = "erased:";

    @EventListener
    void on(SubscriberErased erased) {
        if (erased.email() != null) {
            deliveries.pseudonymise(erased.email(), pseudonymOf(erased.email()));
        }
    }

    /** The SHA-256 of a delivery's address, also when its row carries the pseudonym already. */
    static String addressHashOf(String recipient) {
        return recipient.startsWith(PSEUDONYM_PREFIX)
                ? recipient.substring(PSEUDONYM_PREFIX.length())
                : MarkJournal.sha256(recipient);
    }

    /** The pseudonym of an erased address: the same for the same address, not reversible. */
    static String pseudonymOf(String address) {
        return PSEUDONYM_PREFIX + MarkJournal.sha256(address);
    }
}
