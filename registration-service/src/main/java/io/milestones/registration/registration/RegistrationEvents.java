package io.milestones.registration.registration;

import io.milestones.events.CloudEvent;
import io.milestones.events.Consents;
import io.milestones.events.EventType;
import io.milestones.events.TeacherErased;
import io.milestones.events.TeacherRegistered;
import io.milestones.events.Topics;
import io.milestones.registration.outbox.OutgoingEvent;
import java.time.Instant;
import org.springframework.stereotype.Component;

/** The events a registry change produces, in the contract's shape. */
@Component
class RegistrationEvents {

    private final String source;

    RegistrationEvents(RegistrationProperties properties) {
        this.source = properties.source();
    }

    OutgoingEvent registered(Teacher t) {
        return new OutgoingEvent(
                new CloudEvent(t.eventId(), source, EventType.TEACHER_REGISTERED, t.registeredAt()),
                Topics.REGISTRATIONS,
                t.teacherId(),
                payload(t));
    }

    OutgoingEvent erased(String teacherId, String eventId, Instant at) {
        return new OutgoingEvent(
                new CloudEvent(eventId, source, EventType.TEACHER_ERASED, at),
                Topics.REGISTRATIONS,
                teacherId,
                new TeacherErased(teacherId, at));
    }

    /** The TeacherRegistered of a row; without name and address once they are erased. */
    static TeacherRegistered payload(Teacher t) {
        return new TeacherRegistered(
                t.teacherId(),
                t.country(),
                t.language(),
                t.registeredAt(),
                t.displayName(),
                t.email(),
                new Consents(t.milestoneEmails()),
                t.baseline());
    }
}
