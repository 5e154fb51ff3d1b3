package io.milestones.registration.registration;

import io.milestones.events.CloudEvent;
import io.milestones.events.Consents;
import io.milestones.events.TeacherRegistered;
import java.time.Clock;
import org.springframework.stereotype.Service;

/** Registers a teacher: the one path for the API, the simulator and (later) the bulk import. */
@Service
public class RegistrationService {

    private final RegistrationPublisher publisher;
    private final Clock clock;

    RegistrationService(RegistrationPublisher publisher, Clock clock) {
        this.publisher = publisher;
        this.clock = clock;
    }

    /**
     * Registers a teacher now and returns once the broker acknowledged the event.
     *
     * @throws PublishFailedException when the broker did not acknowledge in time
     */
    public Registered register(NewTeacher teacher) {
        var event =
                new TeacherRegistered(
                        teacher.teacherId(),
                        teacher.country(),
                        teacher.language(),
                        clock.instant(),
                        teacher.displayName(),
                        teacher.email(),
                        new Consents(teacher.milestoneEmails()),
                        false);
        CloudEvent published = publisher.publish(event);
        return new Registered(event, published.id());
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
     */
    public record NewTeacher(
            String teacherId,
            String email,
            String displayName,
            String country,
            String language,
            boolean milestoneEmails) {}

    /**
     * @param event the published event
     * @param eventId its CloudEvents id
     */
    public record Registered(TeacherRegistered event, String eventId) {}
}
