package io.milestones.notifier.fanout;

import io.milestones.events.MilestoneReached;
import io.milestones.events.Topics;
import io.milestones.notifier.delivery.NotificationRequest;
import io.milestones.notifier.milestone.MilestoneArchive;
import io.milestones.notifier.subscription.SubscriberJoined;
import io.milestones.notifier.subscription.SubscribersJoined;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.context.event.EventListener;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.stereotype.Component;

/**
 * The teacher who crosses a threshold is usually the newest registration, so the milestone often
 * reaches the notifier before their registration does, and the fan-out does not know them yet. When
 * their subscription is saved, this sends them the milestone they crossed (with its personal note).
 *
 * <p>No gap between the two orders: the fan-out commits the milestone before it reads subscribers,
 * and the registration commits the subscriber before this reads milestones, so at least one side
 * sees the other. Both seeing each other produces two requests for one delivery, which the
 * deliveries table turns into one e-mail.
 *
 * <p>The request names the teacher's subscription, not their address: the senders resolve it from
 * the subscriptions table when they send, so this topic holds no copy that outlives an erasure.
 */
@Component
class LateCrossingTeacher {

    private final MilestoneArchive archive;
    private final KafkaTemplate<String, Object> template;

    LateCrossingTeacher(
            MilestoneArchive archive,
            @Qualifier("nonTransactionalTemplate") KafkaTemplate<String, Object> template) {
        this.archive = archive;
        this.template = template;
    }

    @EventListener
    void on(SubscribersJoined batch) throws InterruptedException, ExecutionException {
        Map<String, SubscriberJoined> byTeacher = new HashMap<>();
        for (SubscriberJoined joined : batch.subscribers()) {
            if (joined.recipient().teacherId() != null) {
                byTeacher.put(joined.recipient().teacherId(), joined);
            }
        }
        if (byTeacher.isEmpty()) {
            return;
        }
        // one look-up for the whole batch: most teachers crossed nothing
        for (MilestoneReached milestone : archive.crossedBy(byTeacher.keySet())) {
            SubscriberJoined joined = byTeacher.get(milestone.crossedBy().teacherId());
            var recipient = joined.recipient();
            if (!joined.scopes().contains(milestone.scope().id())) {
                continue;
            }
            var request =
                    NotificationRequest.toSubscriber(
                            milestone.milestoneId(),
                            recipient.language(),
                            recipient.subscriptionId(),
                            true);
            // Sent before the registration's offset commits: at least once, never lost.
            template.send(Topics.NOTIFICATION_REQUESTS, request.key(), request).get();
        }
    }
}
