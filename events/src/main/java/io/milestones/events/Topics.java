package io.milestones.events;

/** Topic names, defined once. Partition counts are configuration, not contract. */
public final class Topics {

    /**
     * {@link TeacherRegistered} (v2, without personal data) and {@link TeacherErased}, keyed by
     * teacherId. Kept forever: every count is rebuilt from it.
     */
    public static final String REGISTRATIONS = "registrations-v2";

    /**
     * The retired log of {@link TeacherRegisteredV1} records, which carry names and addresses. Read
     * only by the migration (docs/operations.md), then deleted.
     */
    public static final String REGISTRATIONS_V1 = "registrations";

    /**
     * {@link TeacherContact} keyed by teacherId; compacted, and an erasure writes a tombstone, so a
     * name or an address is gone from it within the bound of docs/operations.md.
     */
    public static final String TEACHER_CONTACTS = "teacher-contacts";

    /** {@link MilestoneReached} and {@link MilestoneApproaching}, keyed by milestoneId. */
    public static final String MILESTONES = "milestones";

    /**
     * The latest count of every scope, keyed by scope id ({@code global}, {@code country:IT});
     * compacted. Written by milestone-service, read back by each of its instances for the read API.
     */
    public static final String MILESTONE_COUNTS = "milestone-counts";

    /**
     * Registrations counted per scope and period of event time (a day, or an hour of the last
     * days), keyed {@code <scope>|day|2021-12-03} or {@code <scope>|hour|2021-12-03T14}; compacted,
     * old hours deleted by tombstones. Written by milestone-service as it counts, read back by each
     * of its instances for the count history.
     */
    public static final String MILESTONE_COUNT_HISTORY = "milestone-count-history";

    /**
     * {@link ChainPostObserved} and {@link ChainPostDeleted}, keyed by the author's network
     * account. Written by chain-service, counted by milestone-service (scope {@code
     * campaign:<tag>}).
     */
    public static final String SOCIAL_CHAIN = "social-chain";

    /**
     * chain-service's position on each network stream (Jetstream cursor, Mastodon last status id),
     * keyed by stream; compacted, written in the same Kafka transaction as the {@link
     * #SOCIAL_CHAIN} records it covers.
     */
    public static final String CHAIN_CURSORS = "chain-cursors";

    /**
     * Posts of the chain an admin hid from the public feed (or showed again), keyed by {@code
     * <network>:<postId>}; compacted, written and read by chain-service.
     */
    public static final String CHAIN_MODERATION = "chain-moderation";

    /** One delivery to do, keyed by recipient. */
    public static final String NOTIFICATION_REQUESTS = "notification-requests";

    /** Suffix spring-kafka's {@code DeadLetterPublishingRecoverer} appends by default. */
    public static final String DLT_SUFFIX = "-dlt";

    private Topics() {}

    /** The dead-letter topic of {@code topic}, as spring-kafka names it by default. */
    public static String deadLetter(String topic) {
        return topic + DLT_SUFFIX;
    }
}
