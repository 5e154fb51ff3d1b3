package io.milestones.notifier.delivery;

import jakarta.validation.constraints.Min;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * Senders: the consumer group on {@code notification-requests} and its non-blocking retries.
 *
 * @param concurrency consumer threads per instance (partitions bound the useful number)
 */
@Validated
@ConfigurationProperties("milestones.delivery")
record DeliveryProperties(@DefaultValue("3") @Min(1) int concurrency) {}
