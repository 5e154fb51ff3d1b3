package io.milestones.notifier.webhooks;

import io.milestones.notifier.suppression.Bounce;
import io.milestones.notifier.suppression.Bounces;
import java.util.List;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Records one provider event and its bounces in one transaction: a replayed event (same provider
 * and event id) changes nothing, and an event that failed midway is not marked as handled.
 */
@Service
class WebhookIntake {

    private final WebhookEvents events;
    private final Bounces bounces;

    WebhookIntake(WebhookEvents events, Bounces bounces) {
        this.events = events;
        this.bounces = bounces;
    }

    /** False when the event was handled before. */
    @Transactional
    public boolean accept(String provider, String eventId, List<Bounce> reported) {
        if (!events.first(provider, eventId)) {
            return false;
        }
        reported.forEach(bounces::record);
        return true;
    }
}
