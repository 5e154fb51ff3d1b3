package io.milestones.events;

import java.time.Instant;

/**
 * A teacher registered on the platform. Key: {@code teacherId}. Type {@code
 * io.milestones.teacher.registered.v2}, on {@link Topics#REGISTRATIONS}.
 *
 * <p>Carries no personal data: this log is kept forever (every count is rebuilt from it), where an
 * erasure could not reach a name or an address. The teacher's name and address travel as a {@link
 * TeacherContact} on the compacted {@link Topics#TEACHER_CONTACTS}, which erasure tombstones
 * (docs/decisions/0105).
 *
 * @param teacherId the platform's stable identifier; counting is distinct on it
 * @param country ISO 3166-1 alpha-2 code, upper case
 * @param language BCP 47 tag of the teacher's preferred language
 * @param registeredAt when the teacher registered (event time, UTC)
 * @param consents what the teacher agreed to
 * @param baseline true for teachers imported from before the system existed: they count, but do not
 *     trigger celebrations of thresholds they crossed
 */
public record TeacherRegistered(
        String teacherId,
        String country,
        String language,
        Instant registeredAt,
        Consents consents,
        boolean baseline) {

    public TeacherRegistered {
        Require.text(teacherId, "teacherId");
        Require.country(country, "country");
        Require.text(language, "language");
        Require.present(registeredAt, "registeredAt");
        consents = consents == null ? Consents.none() : consents;
    }
}
