package io.milestones.registration.registration;

import io.milestones.events.EventType;
import io.milestones.registration.outbox.Outbox;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.UUID;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.dao.PessimisticLockingFailureException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Registers and erases teachers: the one path for the API and the simulator. The registry row and
 * its event are written in one transaction (the outbox); nothing here waits for Kafka.
 */
@Service
public class RegistrationService {

    private static final int ATTEMPTS = 3;

    private final Teachers teachers;
    private final Outbox outbox;
    private final RegistrationEvents events;
    private final TransactionTemplate transaction;
    private final Clock clock;
    private final RegistrationMetrics metrics;

    RegistrationService(
            Teachers teachers,
            Outbox outbox,
            RegistrationEvents events,
            TransactionTemplate transaction,
            Clock clock,
            RegistrationMetrics metrics) {
        this.teachers = teachers;
        this.outbox = outbox;
        this.events = events;
        this.transaction = transaction;
        this.clock = clock;
        this.metrics = metrics;
    }

    /** Registers a teacher now; see {@link #register(NewTeacher, String)}. */
    public Registered register(NewTeacher teacher) {
        return register(teacher, null);
    }

    /**
     * Registers a teacher now. A repeated request (same teacherId and data, or the same idempotency
     * key) gets the original answer and writes no second event.
     *
     * @param idempotencyKey the client-scoped key of the request, or {@code null}
     * @throws RegistrationProblem when the address or the teacherId is taken, the teacher was
     *     erased, or the key was used for another request
     */
    public Registered register(NewTeacher teacher, String idempotencyKey) {
        Teacher candidate =
                new Teacher(
                        teacher.teacherId(),
                        teacher.email(),
                        teacher.displayName(),
                        teacher.country(),
                        teacher.language(),
                        teacher.milestoneEmails(),
                        teacher.publicName(),
                        false,
                        now(),
                        UUID.randomUUID().toString(),
                        idempotencyKey,
                        null);
        for (int attempt = 1; ; attempt++) {
            try {
                transaction.executeWithoutResult(
                        status -> {
                            teachers.insert(candidate);
                            outbox.appendAll(events.registered(candidate));
                        });
                metrics.accepted();
                return Registered.of(candidate, false);
            } catch (DuplicateKeyException taken) {
                try {
                    Registered repeated = answerRepeated(candidate);
                    metrics.repeated();
                    return repeated;
                } catch (RegistrationProblem refused) {
                    metrics.rejected(refused.reason());
                    throw refused;
                }
            } catch (PessimisticLockingFailureException busy) {
                // a concurrent insert of the same key held its lock too long: try again
                if (attempt == ATTEMPTS) {
                    throw busy;
                }
            }
        }
    }

    private Registered answerRepeated(Teacher candidate) {
        if (candidate.idempotencyKey() != null) {
            var byKey = teachers.findByIdempotencyKey(candidate.idempotencyKey());
            if (byKey.isPresent()) {
                if (byKey.get().erased()) {
                    throw RegistrationProblem.erased();
                }
                if (!byKey.get().sameRegistrationAs(candidate)) {
                    throw RegistrationProblem.idempotencyKeyReused();
                }
                return Registered.of(byKey.get(), true);
            }
        }
        Teacher existing =
                teachers.find(candidate.teacherId()).orElseThrow(RegistrationProblem::emailTaken);
        if (existing.erased()) {
            throw RegistrationProblem.erased();
        }
        if (!existing.sameRegistrationAs(candidate)) {
            throw RegistrationProblem.teacherIdTaken();
        }
        return Registered.of(existing, true);
    }

    /**
     * Erases a teacher's personal data (GDPR) and writes {@code TeacherErased} and a tombstone of
     * their contact record; the anonymous row stays, so the teacher stays counted. A contact record
     * of this teacher still waiting in the outbox is deleted before it leaves.
     *
     * @return false when the teacher was already erased (nothing written)
     * @throws RegistrationProblem when no such teacher is registered
     */
    public boolean erase(String teacherId) {
        Instant now = now();
        Boolean erased =
                transaction.execute(
                        status -> {
                            Teacher teacher =
                                    teachers.find(teacherId)
                                            .orElseThrow(RegistrationProblem::notFound);
                            if (!teachers.erase(teacherId, now)) {
                                return false;
                            }
                            // a contact record still waiting never leaves; the tombstone follows
                            outbox.dropPending(teacherId, EventType.TEACHER_CONTACT);
                            outbox.appendAll(events.erased(teacherId, now));
                            return true;
                        });
        return Boolean.TRUE.equals(erased);
    }

    /** The registry's row of a teacher, erased or not. */
    public java.util.Optional<Teacher> find(String teacherId) {
        return teachers.find(teacherId);
    }

    /** Now, at the precision the database keeps, so an answer repeated from a row is identical. */
    private Instant now() {
        return clock.instant().truncatedTo(ChronoUnit.MICROS);
    }

    /**
     * A teacher to register; validated by the caller.
     *
     * @param teacherId the platform's id
     * @param email the teacher's address
     * @param displayName the teacher's name
     * @param country ISO 3166-1 alpha-2
     * @param language BCP 47
     * @param milestoneEmails consent to milestone e-mails
     * @param publicName consent to be named to others when crossing a milestone
     */
    public record NewTeacher(
            String teacherId,
            String email,
            String displayName,
            String country,
            String language,
            boolean milestoneEmails,
            boolean publicName) {}

    /**
     * @param teacherId the registered teacher
     * @param eventId the ce_id of its TeacherRegistered event
     * @param registeredAt when it registered
     * @param repeated this answers a repeated request; nothing new was written
     */
    public record Registered(
            String teacherId, String eventId, Instant registeredAt, boolean repeated) {
        static Registered of(Teacher t, boolean repeated) {
            return new Registered(t.teacherId(), t.eventId(), t.registeredAt(), repeated);
        }
    }
}
