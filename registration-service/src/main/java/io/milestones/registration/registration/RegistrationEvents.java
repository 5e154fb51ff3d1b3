package io.milestones.registration.registration;

import io.milestones.events.CloudEvent;
import io.milestones.events.Consents;
import io.milestones.events.EventType;
import io.milestones.events.TeacherContact;
import io.milestones.events.TeacherErased;
import io.milestones.events.TeacherRegistered;
import io.milestones.events.Topics;
import io.milestones.registration.outbox.OutgoingEvent;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.springframework.stereotype.Component;

/**
 * The events a registry change produces, in the contract's shape: the anonymous fact on {@code
 * registrations-v2} (kept forever), the personal data on the compacted {@code teacher-contacts}
 * (tombstoned on erasure). See docs/decisions/0105.
 */
@Component
class RegistrationEvents {

    private final String source;

    RegistrationEvents(RegistrationProperties properties) {
        this.source = properties.source();
    }

    /** TeacherRegistered v2, then the teacher's contact record; both keyed by teacherId. */
    List<OutgoingEvent> registered(Teacher t) {
        return List.of(
                new OutgoingEvent(
                        new CloudEvent(
                                t.eventId(),
                                source,
                                EventType.TEACHER_REGISTERED,
                                t.registeredAt()),
                        Topics.REGISTRATIONS,
                        t.teacherId(),
                        payload(t)),
                new OutgoingEvent(
                        new CloudEvent(
                                UUID.randomUUID().toString(),
                                source,
                                EventType.TEACHER_CONTACT,
                                t.registeredAt()),
                        Topics.TEACHER_CONTACTS,
                        t.teacherId(),
                        contact(t)));
    }

    /** TeacherErased, then the tombstone (a {@code null} value) of the teacher's contact record. */
    List<OutgoingEvent> erased(String teacherId, Instant at) {
        return List.of(
                new OutgoingEvent(
                        new CloudEvent(
                                UUID.randomUUID().toString(), source, EventType.TEACHER_ERASED, at),
                        Topics.REGISTRATIONS,
                        teacherId,
                        new TeacherErased(teacherId, at)),
                new OutgoingEvent(
                        new CloudEvent(
                                UUID.randomUUID().toString(),
                                source,
                                EventType.TEACHER_CONTACT,
                                at),
                        Topics.TEACHER_CONTACTS,
                        teacherId,
                        null));
    }

    /** The TeacherRegistered of a row: never a name or an address. */
    static TeacherRegistered payload(Teacher t) {
        return new TeacherRegistered(
                t.teacherId(),
                t.country(),
                t.language(),
                t.registeredAt(),
                new Consents(t.milestoneEmails(), t.publicName()),
                t.baseline());
    }

    static TeacherContact contact(Teacher t) {
        return new TeacherContact(
                t.teacherId(),
                t.country(),
                t.language(),
                t.displayName(),
                t.email(),
                new Consents(t.milestoneEmails(), t.publicName()));
    }
}
