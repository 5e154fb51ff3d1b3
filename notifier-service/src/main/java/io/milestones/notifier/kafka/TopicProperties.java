package io.milestones.notifier.kafka;

import jakarta.validation.constraints.Min;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * How topics are created when they do not exist yet.
 *
 * @param partitions partitions per topic; bounds the parallelism of every consumer group
 * @param replicas replication factor (3 in production)
 */
@Validated
@ConfigurationProperties("milestones.topics")
record TopicProperties(
        @DefaultValue("6") @Min(1) int partitions, @DefaultValue("1") @Min(1) short replicas) {}
