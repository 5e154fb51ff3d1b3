package io.milestones.notifier.subscription;

import io.milestones.events.CloudEvent;
import io.milestones.events.TeacherContact;
import io.milestones.events.TeacherErased;
import io.milestones.events.Topics;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.dao.NonTransientDataAccessException;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.kafka.listener.DeadLetterPublishingRecoverer;
import org.springframework.kafka.support.serializer.DeserializationException;
import org.springframework.kafka.support.serializer.SerializationUtils;
import org.springframework.stereotype.Component;

/**
 * Reads the teachers' contact records (the compacted {@code teacher-contacts}) and erasures, a poll
 * at a time: consenting teachers become subscribers, every teacher's name and consent to be named
 * go to {@code teacher_names}; a tombstone on {@code teacher-contacts} or a {@code TeacherErased}
 * on {@code registrations-v2} erases both. One database transaction per poll ({@link
 * SubscriberIngestion}), inside the Kafka transaction that commits the poll's offsets after it: a
 * crash in between replays the poll, which leaves the same state. Its own consumer group, so it
 * reads every record whatever the other services do.
 *
 * <p>A record that cannot be read goes to its dead-letter topic inside the same Kafka transaction.
 * If the batch's writes are refused for their data (a constraint, a value too long), the records
 * are applied one by one, and the one refused goes to the dead-letter topic with the reason; the
 * rest of the partition keeps flowing.
 */
@Component
class RegistrationListener {

    private static final Logger log = LoggerFactory.getLogger(RegistrationListener.class);

    private final SubscriberIngestion ingestion;
    private final DeadLetterPublishingRecoverer deadLetters;

    RegistrationListener(
            SubscriberIngestion ingestion,
            @Qualifier(SubscriberKafkaConfig.DEAD_LETTERS)
                    DeadLetterPublishingRecoverer deadLetters) {
        this.ingestion = ingestion;
        this.deadLetters = deadLetters;
    }

    @KafkaListener(
            id = "notifier-subscribers",
            topics = {Topics.TEACHER_CONTACTS, Topics.REGISTRATIONS},
            containerFactory = SubscriberKafkaConfig.FACTORY,
            batch = "true")
    void onRegistrations(List<ConsumerRecord<String, Object>> records, Consumer<?, ?> consumer) {
        List<ConsumerRecord<String, Object>> read = new ArrayList<>(records.size());
        List<SubscriberBatch.Change> changes = new ArrayList<>(records.size());
        for (ConsumerRecord<String, Object> record : records) {
            DeserializationException unreadable =
                    SerializationUtils.getExceptionFromHeader(
                            record, SerializationUtils.VALUE_DESERIALIZER_EXCEPTION_HEADER, null);
            if (unreadable != null) {
                deadLetters.accept(record, consumer, unreadable);
                continue;
            }
            SubscriberBatch.Change change = change(record);
            if (change != null) {
                read.add(record);
                changes.add(change);
            }
        }
        try {
            ingestion.apply(changes);
        } catch (NonTransientDataAccessException refused) {
            log.warn(
                    "A batch of {} registrations was refused ({}); applying them one by one",
                    changes.size(),
                    refused.getClass().getSimpleName());
            for (int i = 0; i < changes.size(); i++) {
                try {
                    ingestion.apply(List.of(changes.get(i)));
                } catch (NonTransientDataAccessException e) {
                    deadLetters.accept(read.get(i), consumer, e);
                }
            }
        }
    }

    /** The registration's time: {@code ce_time}, else the record's timestamp. */
    private static Instant eventTime(ConsumerRecord<String, Object> record) {
        try {
            return CloudEvent.readFrom(record.headers()).time();
        } catch (RuntimeException noEnvelope) {
            return Instant.ofEpochMilli(record.timestamp());
        }
    }

    private static SubscriberBatch.Change change(ConsumerRecord<String, Object> record) {
        if (record.value() instanceof TeacherContact contact) {
            return new SubscriberBatch.Registered(contact, eventTime(record));
        } else if (record.value() instanceof TeacherErased erased) {
            return new SubscriberBatch.Erased(erased.teacherId(), erased.erasedAt());
        } else if (record.value() == null
                && record.key() != null
                && Topics.TEACHER_CONTACTS.equals(record.topic())) {
            // the tombstone of an erasure
            return new SubscriberBatch.Erased(record.key(), null);
        }
        return null; // TeacherRegistered: no personal data, nothing to learn here
    }
}
