package io.milestones.registration.kafka;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Min;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * How topics are created when they do not exist yet.
 *
 * @param partitions partitions per topic; bounds the parallelism of every consumer group
 * @param replicas replication factor; 1 for a single local broker, 3 in production
 * @param contacts compaction of {@code teacher-contacts}, which bounds how long an erased teacher's
 *     name and address stay readable (docs/operations.md)
 */
@Validated
@ConfigurationProperties("milestones.topics")
record TopicProperties(
        @DefaultValue("6") @Min(1) int partitions,
        @DefaultValue("1") @Min(1) short replicas,
        @DefaultValue @Valid Contacts contacts) {

    /**
     * @param segment {@code segment.ms}: the active segment, never compacted, rolls after this
     * @param minCompactionLag {@code min.compaction.lag.ms}: no record is compacted younger
     * @param maxCompactionLag {@code max.compaction.lag.ms}: a segment holding a record older than
     *     this is compacted whatever the dirty ratio
     * @param deleteRetention {@code delete.retention.ms}: how long the tombstone itself (no
     *     personal data, only the key) stays for consumers to see
     */
    record Contacts(
            @DefaultValue("10m") Duration segment,
            @DefaultValue("0s") Duration minCompactionLag,
            @DefaultValue("10m") Duration maxCompactionLag,
            @DefaultValue("1d") Duration deleteRetention) {}
}
