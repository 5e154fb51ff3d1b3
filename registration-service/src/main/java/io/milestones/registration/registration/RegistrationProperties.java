package io.milestones.registration.registration;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;
import org.springframework.validation.annotation.Validated;

/**
 * The registry.
 *
 * @param source the CloudEvents {@code ce_source} of the events this service writes
 * @param countries the participating countries (ISO 3166-1 alpha-2); empty accepts any ISO code
 * @param maxBodySize the largest registration request body accepted (larger: 413)
 */
@Validated
@ConfigurationProperties("milestones.registration")
public record RegistrationProperties(
        @DefaultValue("/registration-service") @NotBlank String source,
        @DefaultValue({}) @NotNull List<@Pattern(regexp = "[A-Z]{2}") String> countries,
        @DefaultValue("16KB") @NotNull DataSize maxBodySize) {}
