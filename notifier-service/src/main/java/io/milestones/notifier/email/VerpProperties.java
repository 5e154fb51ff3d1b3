package io.milestones.notifier.email;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * Per-delivery bounce addresses (VERP): the envelope sender of each milestone e-mail becomes {@code
 * <prefix>+<token>@<domain>}, so a bounce names its delivery.
 *
 * @param enabled off: the envelope sender is the From address, as before
 * @param domain the bounce domain; its MX delivers to the bounce mailbox
 * @param prefix the local part before {@code +}
 */
@Validated
@ConfigurationProperties("milestones.mail.verp")
record VerpProperties(
        @DefaultValue("false") boolean enabled,
        @DefaultValue("bounces.milestones.local") @NotBlank String domain,
        @DefaultValue("bounces") @NotBlank @Pattern(regexp = "[a-z0-9._-]{1,30}") String prefix) {}
