package io.milestones.notifier.fanout;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * How a milestone becomes notification requests.
 *
 * @param chunkSize subscribers read per query (keyset pagination); bounds the fan-out's memory
 * @param transactionTimeout the longest one fan-out (one Kafka transaction) may take; a million
 *     subscribers take well under a minute. Brokers cap it ({@code transaction.max.timeout.ms}, 15
 *     minutes by default)
 * @param transactionIdPrefix prefix of the fan-out producers' {@code transactional.id}; must be
 *     unique per running instance
 * @param crossingNameWait until how long after a milestone's detection its fan-out waits for the
 *     crossing teacher's contact ({@link CrossingTeacherName}, decision 0315)
 */
@Validated
@ConfigurationProperties("milestones.fanout")
record FanOutProperties(
        @DefaultValue("1000") @Min(1) @Max(50_000) int chunkSize,
        @DefaultValue("10m") @NotNull Duration transactionTimeout,
        @NotBlank String transactionIdPrefix,
        @DefaultValue("5s") @NotNull Duration crossingNameWait) {}
