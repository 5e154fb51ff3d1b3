package io.milestones.registration.registration;

import java.time.Instant;
import java.util.Locale;

/**
 * A row of the registry.
 *
 * @param teacherId the platform's id
 * @param email the address; {@code null} once erased
 * @param displayName the name; {@code null} once erased
 * @param country ISO 3166-1 alpha-2
 * @param language BCP 47
 * @param milestoneEmails consent to milestone e-mails
 * @param publicName consent to be named to others when crossing a milestone
 * @param baseline imported from before the system existed
 * @param registeredAt when the teacher registered
 * @param eventId ce_id of the TeacherRegistered event
 * @param idempotencyKey {@code client:key} of the request that created the row, if any
 * @param erasedAt when the personal data was erased, if it was
 */
public record Teacher(
        String teacherId,
        String email,
        String displayName,
        String country,
        String language,
        boolean milestoneEmails,
        boolean publicName,
        boolean baseline,
        Instant registeredAt,
        String eventId,
        String idempotencyKey,
        Instant erasedAt) {

    /** The unique form of the address: one address, one teacher, whatever its case. */
    String emailKey() {
        return email == null ? null : email.toLowerCase(Locale.ROOT);
    }

    boolean erased() {
        return erasedAt != null;
    }

    /** Whether {@code other} asks for the registration this row records (a repeated request). */
    boolean sameRegistrationAs(Teacher other) {
        return teacherId.equals(other.teacherId)
                && email != null
                && email.equalsIgnoreCase(other.email)
                && displayName.equals(other.displayName)
                && country.equals(other.country)
                && language.equals(other.language)
                && milestoneEmails == other.milestoneEmails
                && publicName == other.publicName;
    }
}
