package io.milestones.registration.importing;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * The bulk import.
 *
 * @param batchSize rows inserted per transaction (one JDBC batch for the rows, one for the events)
 * @param maxErrorsReported rows with errors listed in the job resource (all are counted)
 * @param jobsKept jobs whose resource is kept: on each submission, finished jobs older than the
 *     newest {@code jobsKept} are deleted from the {@code import_jobs} table
 * @param progressInterval how often a running job's counters and errors are saved to the table (its
 *     resource lags by up to that much while it runs; the end is always saved)
 */
@Validated
@ConfigurationProperties("milestones.import")
record ImportProperties(
        @DefaultValue("1000") @Min(1) @Max(10_000) int batchSize,
        @DefaultValue("1000") @Min(0) int maxErrorsReported,
        @DefaultValue("100") @Min(1) int jobsKept,
        @DefaultValue("1s") Duration progressInterval) {

    ImportProperties {
        if (progressInterval.isNegative() || progressInterval.isZero()) {
            throw new IllegalArgumentException(
                    "milestones.import.progress-interval must be positive");
        }
    }
}
