package io.milestones.notifier.subscription;

import io.milestones.events.TeacherContact;
import io.milestones.events.TeacherErased;
import io.milestones.events.Topics;
import io.milestones.notifier.milestone.TeacherNames;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;

/**
 * Reads the teachers' contact records (the compacted {@code teacher-contacts}): consenting teachers
 * become subscribers, every teacher's name and consent to be named go to {@code teacher_names}. A
 * tombstone on {@code teacher-contacts} or a {@code TeacherErased} on {@code registrations-v2}
 * erases both. Its own consumer group, so it reads every record whatever the other services do.
 * Idempotent: a redelivered record leaves the same state.
 */
@Component
class RegistrationListener {

    private final SubscriptionService subscriptions;
    private final TeacherNames names;

    RegistrationListener(SubscriptionService subscriptions, TeacherNames names) {
        this.subscriptions = subscriptions;
        this.names = names;
    }

    @KafkaListener(
            id = "notifier-subscribers",
            topics = {Topics.TEACHER_CONTACTS, Topics.REGISTRATIONS},
            containerFactory = "transactionalListenerContainerFactory")
    void onRegistration(ConsumerRecord<String, Object> record) {
        if (record.value() instanceof TeacherContact contact) {
            if (contact.displayName() == null) {
                names.delete(contact.teacherId());
            } else {
                names.save(
                        contact.teacherId(),
                        contact.displayName(),
                        contact.consents().publicName());
            }
            subscriptions.teacherRegistered(contact);
        } else if (record.value() instanceof TeacherErased erased) {
            subscriptions.teacherErased(erased.teacherId());
        } else if (record.value() == null && Topics.TEACHER_CONTACTS.equals(record.topic())) {
            // the tombstone of an erasure
            subscriptions.teacherErased(record.key());
        }
    }
}
