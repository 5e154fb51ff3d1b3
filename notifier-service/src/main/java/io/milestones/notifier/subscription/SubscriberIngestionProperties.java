package io.milestones.notifier.subscription;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * How registrations become subscribers.
 *
 * @param batchSize most records of {@code teacher-contacts} and {@code registrations-v2} read per
 *     poll ({@code max.poll.records}); each poll is one database transaction and one Kafka
 *     transaction, so this is the dial between throughput and the work a crash repeats
 * @param concurrency consumer threads of group {@code notifier-subscribers} in this instance; each
 *     gets the same partition numbers of both topics (range assignment), so one teacher's contact
 *     records and erasures are still read by one thread (decision 0309)
 */
@Validated
@ConfigurationProperties("milestones.subscribers")
record SubscriberIngestionProperties(
        @DefaultValue("1000") @Min(1) @Max(10_000) int batchSize,
        @DefaultValue("3") @Min(1) @Max(64) int concurrency) {}
