package io.milestones.events;

import java.time.Instant;

/**
 * The first version of {@link TeacherRegistered}, type {@code io.milestones.teacher.registered.v1}:
 * it carried the teacher's name and address on the log kept forever. Still read (the retired {@link
 * Topics#REGISTRATIONS_V1} and producers not upgraded yet); nothing writes it any more. The
 * migration splits it into a {@link TeacherRegistered} and a {@link TeacherContact}.
 *
 * @param teacherId the platform's stable identifier
 * @param country ISO 3166-1 alpha-2 code, upper case
 * @param language BCP 47 tag
 * @param registeredAt when the teacher registered
 * @param displayName the teacher's name; personal data
 * @param email the teacher's address; personal data, may be absent
 * @param consents what the teacher agreed to (v1 knew only {@code milestoneEmails})
 * @param baseline imported from before the system existed
 */
public record TeacherRegisteredV1(
        String teacherId,
        String country,
        String language,
        Instant registeredAt,
        String displayName,
        String email,
        Consents consents,
        boolean baseline) {

    public TeacherRegisteredV1 {
        Require.text(teacherId, "teacherId");
        Require.country(country, "country");
        Require.text(language, "language");
        Require.present(registeredAt, "registeredAt");
        consents = consents == null ? Consents.none() : consents;
    }

    /** The personal-data-free part, as v2 carries it. */
    public TeacherRegistered withoutPersonalData() {
        return new TeacherRegistered(
                teacherId, country, language, registeredAt, consents, baseline);
    }

    /**
     * The contact part, or empty when the record holds neither name nor address (erased before it
     * was published).
     */
    public java.util.Optional<TeacherContact> contact() {
        if (displayName == null && email == null) {
            return java.util.Optional.empty();
        }
        return java.util.Optional.of(
                new TeacherContact(teacherId, country, language, displayName, email, consents));
    }
}
