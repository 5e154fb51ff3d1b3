package io.milestones.registration.migration;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * The migration of the retired v1 {@code registrations} log (docs/operations.md, "Migrating").
 *
 * @param pollTimeout how long one read of the source topics waits for records
 * @param sendTimeout how long the copy waits for the broker to acknowledge one polled batch
 */
@Validated
@ConfigurationProperties("milestones.migration")
record MigrationProperties(
        @DefaultValue("1s") Duration pollTimeout, @DefaultValue("30s") Duration sendTimeout) {}
