package io.milestones.registration.registration;

import io.milestones.registration.outbox.Outbox;
import io.milestones.registration.outbox.OutgoingEvent;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Registers many teachers at once (the bulk import): one transaction and two JDBC batches per call,
 * the registry rows and their outbox events together. A teacher whose id or address is already
 * registered is skipped, not failed, so a good row never waits for a bad one.
 */
@Service
public class BulkRegistrations {

    private final Teachers teachers;
    private final Outbox outbox;
    private final RegistrationEvents events;
    private final TransactionTemplate transaction;

    BulkRegistrations(
            Teachers teachers,
            Outbox outbox,
            RegistrationEvents events,
            TransactionTemplate transaction) {
        this.teachers = teachers;
        this.outbox = outbox;
        this.events = events;
        this.transaction = transaction;
    }

    /**
     * @param baseline mark the teachers as registered before the system existed: they count, but do
     *     not trigger celebrations of thresholds they crossed
     * @return for each teacher, whether it was registered (false: id or address already taken)
     */
    public boolean[] register(List<ImportedTeacher> batch, boolean baseline) {
        List<Teacher> rows = new ArrayList<>(batch.size());
        for (ImportedTeacher imported : batch) {
            var t = imported.teacher();
            rows.add(
                    new Teacher(
                            t.teacherId(),
                            t.email(),
                            t.displayName(),
                            t.country(),
                            t.language(),
                            t.milestoneEmails(),
                            t.publicName(),
                            baseline,
                            imported.registeredAt().truncatedTo(ChronoUnit.MICROS),
                            UUID.randomUUID().toString(),
                            null,
                            null));
        }
        return transaction.execute(
                status -> {
                    boolean[] inserted = teachers.insertIfAbsent(rows);
                    List<OutgoingEvent> written = new ArrayList<>(rows.size());
                    for (int i = 0; i < rows.size(); i++) {
                        if (inserted[i]) {
                            written.addAll(events.registered(rows.get(i)));
                        }
                    }
                    outbox.appendAll(written);
                    return inserted;
                });
    }

    /**
     * @param teacher the teacher, validated by the caller
     * @param registeredAt when the teacher originally registered
     */
    public record ImportedTeacher(RegistrationService.NewTeacher teacher, Instant registeredAt) {}
}
