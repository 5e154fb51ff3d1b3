package io.milestones.milestone.kafka;

import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * Topic and event settings of the milestone service.
 *
 * @param partitions partitions of topics created when missing; bounds parallelism
 * @param replicas replication factor of created topics (3 in production)
 * @param source the CloudEvents {@code ce_source} of emitted milestone events
 */
@Validated
@ConfigurationProperties("milestones.topics")
record StreamsProperties(
        @DefaultValue("6") @Min(1) int partitions,
        @DefaultValue("1") @Min(1) short replicas,
        @DefaultValue("/milestone-service") @NotBlank String source) {}
