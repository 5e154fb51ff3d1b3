package io.milestones.events;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * The registration that crossed a threshold.
 *
 * @param teacherId who crossed it
 * @param country their country
 * @param displayName their name, present only when they consented to milestone communication
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record CrossedBy(String teacherId, String country, String displayName) {

    public CrossedBy {
        Require.text(teacherId, "crossedBy.teacherId");
        Require.country(country, "crossedBy.country");
    }

    /** Who crossed the line, with the name only if the teacher consented. */
    public static CrossedBy of(TeacherRegistered registration) {
        return new CrossedBy(
                registration.teacherId(),
                registration.country(),
                registration.consents().milestoneEmails() ? registration.displayName() : null);
    }
}
