package io.milestones.registration.outbox;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * The outbox relay.
 *
 * @param enabled run the relay in this instance (one relay per database is active at a time)
 * @param batchSize events read per round; at most one per key, so one key's events never race
 * @param pollInterval how often the relay looks for events when no commit woke it
 * @param sendTimeout how long a round waits for the broker's acknowledgements
 * @param maxBackoff the longest pause between rounds after the broker failed
 */
@Validated
@ConfigurationProperties("milestones.outbox")
record OutboxProperties(
        @DefaultValue("true") boolean enabled,
        @DefaultValue("500") @Min(1) @Max(10_000) int batchSize,
        @DefaultValue("500ms") @NotNull Duration pollInterval,
        @DefaultValue("30s") @NotNull Duration sendTimeout,
        @DefaultValue("10s") @NotNull Duration maxBackoff) {}
