package io.milestones.events;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * A teacher's contact details: the personal data of a registration. Key: {@code teacherId}, on the
 * compacted {@link Topics#TEACHER_CONTACTS}. Type {@code io.milestones.teacher.contact.v1}. An
 * erasure writes a tombstone (a {@code null} value) under the same key, and compaction removes
 * every earlier value within the bound of docs/operations.md.
 *
 * @param teacherId whose details these are
 * @param country ISO 3166-1 alpha-2 code (the subscriber's country scope)
 * @param language BCP 47 tag of the teacher's language
 * @param displayName the teacher's name; personal data
 * @param email the teacher's address; personal data, may be absent
 * @param consents what the teacher agreed to; {@code publicName} allows naming them publicly
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record TeacherContact(
        String teacherId,
        String country,
        String language,
        String displayName,
        String email,
        Consents consents) {

    public TeacherContact {
        Require.text(teacherId, "teacherId");
        Require.country(country, "country");
        Require.text(language, "language");
        consents = consents == null ? Consents.none() : consents;
    }
}
