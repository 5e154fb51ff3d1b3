package io.milestones.notifier.social;

import io.milestones.events.MilestoneReached;
import io.milestones.events.RegistrationsV1Migration;
import io.milestones.events.Topics;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;

/**
 * Announces each {@link MilestoneReached} on the social networks, in its own consumer group ({@code
 * notifier-social}) and outside the e-mail fan-out's Kafka transaction: a post cannot be rolled
 * back, so it must not sit in a transaction that can abort, and a network's rate-limit wait must
 * not hold the e-mails up. Transient failures are retried by the error handler (networks already
 * POSTED are skipped on the retry); a rejected post goes to {@code milestones-dlt} at once.
 */
@Component
class SocialListener {

    private final SocialAnnouncer announcer;

    SocialListener(SocialAnnouncer announcer) {
        this.announcer = announcer;
    }

    @KafkaListener(
            id = "notifier-social",
            topics = Topics.MILESTONES,
            containerFactory = SocialConfig.SOCIAL_FACTORY)
    void onMilestone(ConsumerRecord<String, Object> record) {
        if (record.headers().lastHeader(RegistrationsV1Migration.REPUBLISHED_HEADER) != null) {
            // the same milestone re-published without a name (migration): celebrated already
            return;
        }
        if (record.value() instanceof MilestoneReached reached) {
            announcer.celebrate(reached);
        }
    }
}
