package io.milestones.ops.security;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.validation.annotation.Validated;

/**
 * The ops administrator.
 *
 * @param username the login name
 * @param password the password <em>hash</em> with its encoding id, e.g. {@code {bcrypt}$2a$10$...}
 *     (generate one with {@code htpasswd -bnBC 10 "" secret | tr -d ':\n'}); never a plain password
 *     outside development, where {@code {noop}secret} is accepted
 */
@Validated
@ConfigurationProperties("milestones.ops.admin")
record AdminProperties(
        @NotBlank String username,
        @NotBlank
                @Pattern(
                        regexp = "\\{[a-z0-9]+\\}.+",
                        message = "must carry its encoding, e.g. {bcrypt}$2a$10$...")
                String password) {}
