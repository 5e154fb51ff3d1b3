package io.milestones.events;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.function.Predicate;

/**
 * The rule that copies the retired {@link Topics#REGISTRATIONS_V1} log to its personal-data-free
 * form, in one place for the migration job and the tests that re-count its output
 * (docs/operations.md, "Migrating"). Deterministic: the same v1 record always gives the same
 * records (ce_id included), so a migration run twice writes nothing a consumer counts twice.
 *
 * <ul>
 *   <li>a {@link TeacherRegisteredV1} becomes its {@link TeacherRegistered} (same ce_id, source and
 *       time) on {@link Topics#REGISTRATIONS}, and its {@link TeacherContact} on {@link
 *       Topics#TEACHER_CONTACTS} unless the teacher was erased (anywhere in the log or in the
 *       registry);
 *   <li>a {@link TeacherErased} is copied, followed by a tombstone of the teacher's contact;
 *   <li>a {@link TeacherRegistered} (v2 already) is copied as it is.
 * </ul>
 *
 * <p>{@link #withoutName} is the rule for {@link Topics#MILESTONES}: a milestone written before v2
 * named the crossing teacher, who never agreed to be named; it is re-published without the name.
 */
public final class RegistrationsV1Migration {

    /**
     * Header of a milestone re-published without its name: the same milestone, already celebrated,
     * so consumers do not celebrate it again.
     */
    public static final String REPUBLISHED_HEADER = "milestones_republished";

    private RegistrationsV1Migration() {}

    /**
     * One record to write.
     *
     * @param topic where
     * @param key the teacherId
     * @param header its CloudEvents attributes
     * @param value the event, or {@code null} for a tombstone
     */
    public record Output(String topic, String key, CloudEvent header, Object value) {}

    /**
     * The records that replace one v1-log record.
     *
     * @param header the record's CloudEvents attributes (the caller makes up deterministic ones for
     *     a record that had none)
     * @param event the record's value as read
     * @param erased whether a teacherId was erased; its contact is not copied
     * @throws IllegalArgumentException for an event the v1 log never held
     */
    public static List<Output> split(CloudEvent header, Object event, Predicate<String> erased) {
        List<Output> out = new ArrayList<>(2);
        if (event instanceof TeacherRegisteredV1 v1) {
            out.add(
                    new Output(
                            Topics.REGISTRATIONS,
                            v1.teacherId(),
                            as(header, header.id(), EventType.TEACHER_REGISTERED),
                            v1.withoutPersonalData()));
            if (!erased.test(v1.teacherId())) {
                v1.contact()
                        .ifPresent(
                                contact ->
                                        out.add(
                                                new Output(
                                                        Topics.TEACHER_CONTACTS,
                                                        v1.teacherId(),
                                                        as(
                                                                header,
                                                                derivedId(header, "contact"),
                                                                EventType.TEACHER_CONTACT),
                                                        contact)));
            }
        } else if (event instanceof TeacherRegistered v2) {
            out.add(new Output(Topics.REGISTRATIONS, v2.teacherId(), header, v2));
        } else if (event instanceof TeacherErased erasure) {
            out.add(new Output(Topics.REGISTRATIONS, erasure.teacherId(), header, erasure));
            out.add(
                    new Output(
                            Topics.TEACHER_CONTACTS,
                            erasure.teacherId(),
                            as(header, derivedId(header, "tombstone"), EventType.TEACHER_CONTACT),
                            null));
        } else {
            throw new IllegalArgumentException(
                    "not an event of the registrations log: "
                            + (event == null ? "null" : event.getClass().getSimpleName()));
        }
        return out;
    }

    /**
     * A milestone written before v2 without the name it carried, to re-publish under the same key
     * (so compaction drops the named value); empty when it names nobody.
     */
    public static java.util.Optional<MilestoneReached> withoutName(Object milestoneEvent) {
        if (milestoneEvent instanceof MilestoneReached reached
                && reached.crossedBy().displayName() != null) {
            return java.util.Optional.of(
                    new MilestoneReached(
                            reached.milestoneId(),
                            reached.scope(),
                            reached.threshold(),
                            reached.count(),
                            reached.reachedAt(),
                            reached.detectedAt(),
                            reached.crossedBy().anonymous()));
        }
        return java.util.Optional.empty();
    }

    /** A stable ce_id for a record of the v1 log that had no CloudEvents headers. */
    public static String idOf(String topic, int partition, long offset) {
        return nameUuid("migration:" + topic + "/" + partition + "/" + offset);
    }

    private static CloudEvent as(CloudEvent header, String id, EventType type) {
        return new CloudEvent(id, header.source(), type, header.time());
    }

    private static String derivedId(CloudEvent header, String part) {
        return nameUuid(header.id() + "/" + part);
    }

    private static String nameUuid(String name) {
        return UUID.nameUUIDFromBytes(name.getBytes(StandardCharsets.UTF_8)).toString();
    }
}
