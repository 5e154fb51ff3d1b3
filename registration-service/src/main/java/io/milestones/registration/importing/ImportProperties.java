package io.milestones.registration.importing;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * The bulk import.
 *
 * @param batchSize rows inserted per transaction (one JDBC batch for the rows, one for the events)
 * @param maxErrorsReported rows with errors listed in the job resource (all are counted)
 * @param jobsKept finished jobs kept in memory for their resource
 */
@Validated
@ConfigurationProperties("milestones.import")
record ImportProperties(
        @DefaultValue("1000") @Min(1) @Max(10_000) int batchSize,
        @DefaultValue("1000") @Min(0) int maxErrorsReported,
        @DefaultValue("100") @Min(1) int jobsKept) {}
