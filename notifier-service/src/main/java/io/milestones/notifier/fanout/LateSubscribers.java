package io.milestones.notifier.fanout;

import io.milestones.events.MilestoneReached;
import io.milestones.events.Topics;
import io.milestones.notifier.delivery.NotificationRequest;
import io.milestones.notifier.milestone.Audience;
import io.milestones.notifier.milestone.MilestoneArchive;
import io.milestones.notifier.subscription.SubscriberJoined;
import io.milestones.notifier.subscription.SubscribersJoined;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.context.event.EventListener;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.kafka.support.SendResult;
import org.springframework.stereotype.Component;

/**
 * A milestone reaches every subscriber who registered before it, even one the notifier learns only
 * after the fan-out: when it is behind on {@code teacher-contacts} (a baseline import, a replay),
 * the fan-out knows only the subscribers read so far. When a batch of subscribers is saved, each
 * milestone already fanned out whose scope they follow and which was reached at or after their
 * registration ({@code reachedAt} ≥ their contact record's {@code ce_time}) is requested for them.
 * The crossing teacher's own note is {@link LateCrossingTeacher}'s.
 *
 * <p>No gap, by the same two orders as {@link LateCrossingTeacher}: the fan-out commits the
 * milestone before it reads subscribers, the ingestion commits subscribers before this reads
 * milestones. A subscriber both sides see gets two requests for one delivery, which the deliveries
 * table turns into one e-mail; so does a redelivered registration.
 */
@Component
class LateSubscribers {

    private final MilestoneArchive archive;
    private final KafkaTemplate<String, Object> template;

    LateSubscribers(
            MilestoneArchive archive,
            @Qualifier("nonTransactionalTemplate") KafkaTemplate<String, Object> template) {
        this.archive = archive;
        this.template = template;
    }

    @EventListener
    void on(SubscribersJoined batch) {
        Instant earliest =
                batch.subscribers().stream()
                        .map(SubscriberJoined::registeredAt)
                        .filter(java.util.Objects::nonNull)
                        .min(Instant::compareTo)
                        .orElse(null);
        if (earliest == null) {
            return;
        }
        // one look-up per batch; almost always empty (no milestone since these registrations)
        List<MilestoneReached> since = archive.reachedSince(earliest);
        List<CompletableFuture<SendResult<String, Object>>> sent = new ArrayList<>();
        for (MilestoneReached milestone : since) {
            for (SubscriberJoined joined : batch.subscribers()) {
                if (before(joined, milestone)) {
                    var recipient = joined.recipient();
                    var request =
                            NotificationRequest.toSubscriber(
                                    milestone.milestoneId(),
                                    recipient.language(),
                                    recipient.subscriptionId(),
                                    false);
                    sent.add(template.send(Topics.NOTIFICATION_REQUESTS, request.key(), request));
                }
            }
        }
        // Sent before the registrations' offsets commit: at least once, never lost.
        CompletableFuture.allOf(sent.toArray(CompletableFuture[]::new)).join();
    }

    private static boolean before(SubscriberJoined joined, MilestoneReached milestone) {
        return joined.registeredAt() != null
                && !joined.registeredAt().isAfter(milestone.reachedAt())
                && joined.scopes().contains(Audience.of(milestone.scope()))
                && !milestone.crossedBy().teacherId().equals(joined.recipient().teacherId());
    }
}
