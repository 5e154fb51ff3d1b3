package io.milestones.milestone.kafka;

import io.milestones.milestone.counting.CountingOptions;
import io.milestones.milestone.counting.CountingOptions.GlobalAggregation;
import jakarta.validation.constraints.NotNull;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * How the topology counts ({@code milestones.counting.*}).
 *
 * @param globalAggregation {@code single-key} or {@code two-level} (see docs/benchmarks.md)
 * @param flushInterval how often a two-level partial sum is forwarded
 * @param publishInterval how often changed counts are written to {@code milestone-counts}
 */
@Validated
@ConfigurationProperties("milestones.counting")
record CountingProperties(
        @DefaultValue("two-level") @NotNull GlobalAggregation globalAggregation,
        @DefaultValue("100ms") @NotNull Duration flushInterval,
        @DefaultValue("1s") @NotNull Duration publishInterval) {

    CountingOptions toOptions() {
        return new CountingOptions(globalAggregation, flushInterval, publishInterval);
    }
}
