package io.milestones.registration.registration;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * How registrations are published.
 *
 * @param source the CloudEvents {@code ce_source} of events this service writes
 * @param ackTimeout how long a request waits for the broker's acknowledgement before answering 503
 */
@Validated
@ConfigurationProperties("milestones.registration")
record PublishingProperties(
        @DefaultValue("/registration-service") @NotBlank String source,
        @DefaultValue("10s") @NotNull Duration ackTimeout) {}
