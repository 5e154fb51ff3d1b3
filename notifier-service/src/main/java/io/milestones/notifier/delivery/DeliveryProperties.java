package io.milestones.notifier.delivery;

import jakarta.validation.constraints.Min;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * Senders: the consumer group on {@code notification-requests} and its non-blocking retries.
 *
 * @param concurrency consumer threads per instance (partitions bound the useful number)
 * @param sentMarksPerFold SENT marks a sender thread folds into the deliveries table at once at the
 *     most; it folds at the end of each poll too (decision 0313)
 */
@Validated
@ConfigurationProperties("milestones.delivery")
record DeliveryProperties(
        @DefaultValue("3") @Min(1) int concurrency,
        @DefaultValue("100") @Min(1) int sentMarksPerFold) {}
