package io.milestones.registration.simulator;

import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Positive;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * The traffic simulator: the platform emitting registrations on its own, for demos and benchmarks.
 * Off by default.
 *
 * @param enabled start simulating at start-up
 * @param ratePerSecond registrations per second
 * @param total registrations to simulate before stopping; 0 for no end
 * @param duplicateRate share of registrations sent twice (a platform retry), 0 to 1
 * @param consentRate share of simulated teachers consenting to milestone e-mails, 0 to 1
 * @param seed random seed, so a run can be repeated
 */
@Validated
@ConfigurationProperties("milestones.simulator")
public record SimulatorProperties(
        @DefaultValue("false") boolean enabled,
        @DefaultValue("20") @Positive @DecimalMax("10000") double ratePerSecond,
        @DefaultValue("0") @Min(0) long total,
        @DefaultValue("0.0") double duplicateRate,
        @DefaultValue("0.3") double consentRate,
        @DefaultValue("42") long seed) {}
