package io.milestones.registration.registration;

import io.milestones.events.CloudEvent;
import io.milestones.events.EventType;
import io.milestones.events.TeacherRegistered;
import io.milestones.events.Topics;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.stereotype.Component;

/**
 * Publishes {@link TeacherRegistered} keyed by teacherId with CloudEvents headers, and returns only
 * once the broker acknowledged it ({@code acks=all}, idempotent producer: see the service's
 * configuration).
 */
@Component
class RegistrationPublisher {

    private final KafkaTemplate<String, Object> kafka;
    private final PublishingProperties properties;

    RegistrationPublisher(KafkaTemplate<String, Object> kafka, PublishingProperties properties) {
        this.kafka = kafka;
        this.properties = properties;
    }

    /**
     * @return the CloudEvents attributes the event was published with
     * @throws PublishFailedException when the broker did not acknowledge in time
     */
    CloudEvent publish(TeacherRegistered event) {
        CloudEvent cloudEvent =
                CloudEvent.create(
                        properties.source(), EventType.TEACHER_REGISTERED, event.registeredAt());
        var record =
                new ProducerRecord<String, Object>(Topics.REGISTRATIONS, event.teacherId(), event);
        cloudEvent.writeTo(record.headers());
        try {
            kafka.send(record).get(properties.ackTimeout().toMillis(), TimeUnit.MILLISECONDS);
            return cloudEvent;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new PublishFailedException(e);
        } catch (ExecutionException | TimeoutException e) {
            throw new PublishFailedException(e);
        }
    }
}
