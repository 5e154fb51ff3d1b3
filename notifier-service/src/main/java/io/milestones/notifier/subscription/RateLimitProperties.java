package io.milestones.notifier.subscription;

import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * Limits of {@code POST /api/subscriptions}.
 *
 * @param window the window the counts apply to
 * @param perClient requests one client address may make per window
 * @param perAddress requests for one e-mail address per window (whoever makes them)
 */
@Validated
@ConfigurationProperties("milestones.subscriptions.rate-limit")
record RateLimitProperties(
        @DefaultValue("1h") @NotNull Duration window,
        @DefaultValue("20") @Min(1) int perClient,
        @DefaultValue("3") @Min(1) int perAddress) {}
