package io.milestones.bench.b11;

import io.milestones.events.CloudEvent;
import io.milestones.events.Consents;
import io.milestones.events.EventJson;
import io.milestones.events.EventType;
import io.milestones.events.TeacherContact;
import io.milestones.events.TeacherErased;
import io.milestones.events.TeacherRegistered;
import io.milestones.events.Topics;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

/**
 * The registrations of B11, in the order registration-service's outbox writes them: per teacher a
 * {@code TeacherRegistered} on {@code registrations-v2} and a {@code TeacherContact} on {@code
 * teacher-contacts} (every one consenting to milestone e-mails). Mixed in, deterministically: a
 * redelivery (the same record, same {@code ce_id}) of every tenth teacher's contact, an erasure
 * ({@code TeacherErased} plus the tombstone) of every twentieth teacher, and a re-registration
 * after erasure of every hundredth. {@link #expected()} is the exact set of subscriptions it
 * leaves.
 */
final class Workload {

    static final List<String> COUNTRIES = List.of("IT", "FR", "DE", "ES", "PL", "RO", "TR", "GR");
    static final List<String> LANGUAGES = List.of("it", "fr", "de", "es", "pl", "ro", "tr", "el");

    /** One record to write: topic, key, value (null: a tombstone), CloudEvents header or null. */
    record Op(String topic, String key, byte[] value, CloudEvent event, TeacherContact contact) {}

    private final int teachers;
    private final Instant start = Instant.parse("2021-12-03T00:00:00Z");
    private int redeliveries;
    private int erasures;
    private int reregistrations;

    Workload(int teachers) {
        this.teachers = teachers;
    }

    /** Emits every record in order. */
    void forEach(Consumer<Op> out) {
        redeliveries = 0;
        erasures = 0;
        reregistrations = 0;
        for (int i = 0; i < teachers; i++) {
            register(i, "c-" + i, out);
            if (i % 10 == 5 && i >= 3) {
                // redelivered: the same record, same ce_id and ce_time
                out.accept(contactOp(i - 3, "c-" + (i - 3), start.plusMillis(i - 3)));
                redeliveries++;
            }
            if (i % 20 == 7 && i >= 5) {
                erase(i - 5, out);
                erasures++;
            }
            if (i % 100 == 7 && i >= 5) {
                // registered again after the erasure, so later than it
                out.accept(
                        contactOp(i - 5, "again-" + (i - 5), start.plusMillis(2L * teachers + i)));
                reregistrations++;
            }
        }
    }

    /** teacherId → country of every subscription the workload leaves. */
    Map<String, String> expected() {
        Map<String, String> subscribers = new HashMap<>();
        forEach(
                op -> {
                    if (op.contact() != null) {
                        subscribers.put(op.key(), op.contact().country());
                    } else if (op.value() == null) {
                        subscribers.remove(op.key());
                    }
                });
        return subscribers;
    }

    int redeliveries() {
        return redeliveries;
    }

    int erasures() {
        return erasures;
    }

    int reregistrations() {
        return reregistrations;
    }

    static String teacherId(int i) {
        return "t" + i;
    }

    static String email(String teacherId) {
        return teacherId + "@bench.example";
    }

    static TeacherContact contact(int i) {
        String id = teacherId(i);
        return new TeacherContact(
                id,
                COUNTRIES.get(i % COUNTRIES.size()),
                LANGUAGES.get(i % LANGUAGES.size()),
                "Teacher " + i,
                email(id),
                new Consents(true, false));
    }

    private void register(int i, String eventId, Consumer<Op> out) {
        TeacherContact contact = contact(i);
        Instant at = start.plusMillis(i);
        var registered =
                new TeacherRegistered(
                        contact.teacherId(),
                        contact.country(),
                        contact.language(),
                        at,
                        contact.consents(),
                        false);
        out.accept(
                new Op(
                        Topics.REGISTRATIONS,
                        contact.teacherId(),
                        EventJson.write(registered),
                        new CloudEvent("r-" + i, "/bench", EventType.TEACHER_REGISTERED, at),
                        null));
        out.accept(contactOp(i, eventId, at));
    }

    private Op contactOp(int i, String eventId, Instant at) {
        TeacherContact contact = contact(i);
        return new Op(
                Topics.TEACHER_CONTACTS,
                contact.teacherId(),
                EventJson.write(contact),
                new CloudEvent(eventId, "/bench", EventType.TEACHER_CONTACT, at),
                contact);
    }

    private void erase(int i, Consumer<Op> out) {
        String id = teacherId(i);
        Instant at = start.plusMillis(teachers + i);
        out.accept(
                new Op(
                        Topics.REGISTRATIONS,
                        id,
                        EventJson.write(new TeacherErased(id, at)),
                        new CloudEvent("e-" + i, "/bench", EventType.TEACHER_ERASED, at),
                        null));
        out.accept(new Op(Topics.TEACHER_CONTACTS, id, null, null, null));
    }
}
