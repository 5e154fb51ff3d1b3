package io.milestones.registration.registration;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.Instant;

/**
 * A registered teacher as the API shows it; an erased teacher keeps only the anonymous facts.
 *
 * @param teacherId the platform's id
 * @param email the address; absent once erased
 * @param displayName the name; absent once erased
 * @param country ISO 3166-1 alpha-2
 * @param language BCP 47
 * @param consents what the teacher agreed to
 * @param baseline imported from before the system existed
 * @param registeredAt when the teacher registered
 * @param eventId ce_id of the TeacherRegistered event
 * @param erasedAt when the personal data was erased; absent unless it was
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
record TeacherView(
        String teacherId,
        String email,
        String displayName,
        String country,
        String language,
        RegistrationRequest.ConsentsRequest consents,
        boolean baseline,
        Instant registeredAt,
        String eventId,
        Instant erasedAt) {

    static TeacherView of(Teacher t) {
        return new TeacherView(
                t.teacherId(),
                t.email(),
                t.displayName(),
                t.country(),
                t.language(),
                new RegistrationRequest.ConsentsRequest(t.milestoneEmails(), t.publicName()),
                t.baseline(),
                t.registeredAt(),
                t.eventId(),
                t.erasedAt());
    }
}
