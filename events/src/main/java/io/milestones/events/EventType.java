package io.milestones.events;

import java.util.Optional;

/** Every event type of the contract, with its CloudEvents {@code type} and its record class. */
public enum EventType {
    TEACHER_REGISTERED("io.milestones.teacher.registered.v2", TeacherRegistered.class),
    TEACHER_REGISTERED_V1("io.milestones.teacher.registered.v1", TeacherRegisteredV1.class),
    TEACHER_CONTACT("io.milestones.teacher.contact.v1", TeacherContact.class),
    TEACHER_ERASED("io.milestones.teacher.erased.v1", TeacherErased.class),
    MILESTONE_REACHED("io.milestones.milestone.reached.v1", MilestoneReached.class),
    MILESTONE_APPROACHING("io.milestones.milestone.approaching.v1", MilestoneApproaching.class),
    CHAIN_POST_OBSERVED("io.milestones.chain.post.observed.v1", ChainPostObserved.class),
    CHAIN_POST_DELETED("io.milestones.chain.post.deleted.v1", ChainPostDeleted.class);

    private final String ceType;
    private final Class<?> payload;

    EventType(String ceType, Class<?> payload) {
        this.ceType = ceType;
        this.payload = payload;
    }

    /** The value of the {@code ce_type} header. */
    public String ceType() {
        return ceType;
    }

    /** The record the JSON value maps to. */
    public Class<?> payload() {
        return payload;
    }

    public static Optional<EventType> ofCeType(String ceType) {
        for (EventType type : values()) {
            if (type.ceType.equals(ceType)) {
                return Optional.of(type);
            }
        }
        return Optional.empty();
    }

    public static EventType of(Object event) {
        for (EventType type : values()) {
            if (type.payload.isInstance(event)) {
                return type;
            }
        }
        throw new IllegalArgumentException("not an event of the contract: " + event.getClass());
    }
}
