package io.milestones.notifier.subscription;

import io.milestones.events.TeacherErased;
import io.milestones.events.TeacherRegistered;
import io.milestones.events.Topics;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;

/**
 * Consenting teachers become subscribers; erased teachers stop being ones. Its own consumer group,
 * so it reads every registration whatever the other services do. Idempotent: a redelivered event
 * leaves the same state.
 */
@Component
class RegistrationListener {

    private final SubscriptionService subscriptions;

    RegistrationListener(SubscriptionService subscriptions) {
        this.subscriptions = subscriptions;
    }

    @KafkaListener(
            id = "notifier-subscribers",
            topics = Topics.REGISTRATIONS,
            containerFactory = "transactionalListenerContainerFactory")
    void onRegistration(ConsumerRecord<String, Object> record) {
        if (record.value() instanceof TeacherRegistered registered) {
            subscriptions.teacherRegistered(registered);
        } else if (record.value() instanceof TeacherErased erased) {
            subscriptions.teacherErased(erased.teacherId());
        }
    }
}
