package io.milestones.events;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * The registration that crossed a threshold.
 *
 * @param teacherId who crossed it
 * @param country their country
 * @param displayName never written any more: {@code milestones} is compacted and kept forever, so
 *     it names nobody (docs/decisions/0105); the notifier looks the name up, with the consent to
 *     publish it, in its own erasable table. Milestones written before v2 may still carry one; the
 *     migration re-publishes each of them under the same key without it ({@link
 *     RegistrationsV1Migration#withoutName}), so no milestone is left that erasure would have to
 *     re-publish.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record CrossedBy(String teacherId, String country, String displayName) {

    public CrossedBy {
        Require.text(teacherId, "crossedBy.teacherId");
        Require.country(country, "crossedBy.country");
    }

    /** Who crossed the line: an id and a country, never a name. */
    public static CrossedBy of(TeacherRegistered registration) {
        return new CrossedBy(registration.teacherId(), registration.country(), null);
    }

    /** The same crossing without the name. */
    public CrossedBy anonymous() {
        return new CrossedBy(teacherId, country, null);
    }
}
