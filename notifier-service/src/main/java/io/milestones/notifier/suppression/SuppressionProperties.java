package io.milestones.notifier.suppression;

import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * The suppression policy and its admin API.
 *
 * @param softBounceThreshold soft bounces (each of a different e-mail) that suppress an address
 * @param softBounceWindow within this time
 * @param adminApiKey {@code X-API-Key} of the admin API ({@code /api/admin/suppressions}); empty:
 *     the admin API answers 403 to everyone
 */
@Validated
@ConfigurationProperties("milestones.suppression")
record SuppressionProperties(
        @DefaultValue("3") @Min(1) int softBounceThreshold,
        @DefaultValue("30d") @NotNull Duration softBounceWindow,
        @DefaultValue("") String adminApiKey) {}
