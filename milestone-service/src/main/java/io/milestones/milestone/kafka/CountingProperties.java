package io.milestones.milestone.kafka;

import io.milestones.milestone.counting.CountingOptions;
import io.milestones.milestone.counting.CountingOptions.GlobalAggregation;
import io.milestones.milestone.counting.CountingOptions.ValueFormat;
import jakarta.validation.constraints.NotNull;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * How the topology counts ({@code milestones.counting.*}).
 *
 * @param globalAggregation {@code single-key}, {@code two-level} or {@code every-scope} (see
 *     docs/benchmarks.md)
 * @param flushInterval how often a two-level partial sum is forwarded
 * @param publishInterval how often changed counts are written to {@code milestone-counts}
 * @param internalValues {@code binary} or {@code json}: how internal store and repartition values
 *     are written (decision 0203; both are read)
 * @param hourlyHistory how far back the count history keeps hours (days are kept for good)
 */
@Validated
@ConfigurationProperties("milestones.counting")
record CountingProperties(
        @DefaultValue("every-scope") @NotNull GlobalAggregation globalAggregation,
        @DefaultValue("30ms") @NotNull Duration flushInterval,
        @DefaultValue("1s") @NotNull Duration publishInterval,
        @DefaultValue("binary") @NotNull ValueFormat internalValues,
        @DefaultValue("7d") @NotNull Duration hourlyHistory) {

    CountingOptions toOptions() {
        return new CountingOptions(
                globalAggregation, flushInterval, publishInterval, internalValues, hourlyHistory);
    }
}
