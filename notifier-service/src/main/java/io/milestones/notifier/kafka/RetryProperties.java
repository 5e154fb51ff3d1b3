package io.milestones.notifier.kafka;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Blocking retries of a failed record before it is dead-lettered.
 *
 * @param initialInterval the first wait
 * @param multiplier growth of each next wait
 * @param maxInterval the longest single wait
 * @param maxElapsed total time spent retrying one record before it goes to the DLT
 */
@ConfigurationProperties("milestones.retry")
public record RetryProperties(
        @DefaultValue("1s") Duration initialInterval,
        @DefaultValue("2.0") double multiplier,
        @DefaultValue("30s") Duration maxInterval,
        @DefaultValue("2m") Duration maxElapsed) {}
