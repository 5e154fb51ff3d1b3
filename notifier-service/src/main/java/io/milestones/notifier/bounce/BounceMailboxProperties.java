package io.milestones.notifier.bounce;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * The mailbox bounces and complaint reports arrive in (the MX of the VERP bounce domain, or the
 * From address's mailbox), read by {@link BounceMailbox}.
 *
 * @param enabled read it (off by default)
 * @param protocol {@code imap}, {@code imaps}, {@code pop3} or {@code pop3s}
 * @param host the mail server
 * @param port its port (0: the protocol's default)
 * @param username the mailbox login
 * @param password its password, from the environment
 * @param folder the folder to read
 * @param pollInterval pause between two readings
 * @param batchSize messages read per reading at the most
 * @param timeout connect and read timeout
 */
@Validated
@ConfigurationProperties("milestones.mail.bounce-mailbox")
record BounceMailboxProperties(
        @DefaultValue("false") boolean enabled,
        @DefaultValue("imaps") @Pattern(regexp = "imaps?|pop3s?") String protocol,
        @DefaultValue("localhost") @NotBlank String host,
        @DefaultValue("0") @Min(0) @Max(65_535) int port,
        @DefaultValue("") String username,
        @DefaultValue("") String password,
        @DefaultValue("INBOX") @NotBlank String folder,
        @DefaultValue("60s") @NotNull Duration pollInterval,
        @DefaultValue("500") @Min(1) @Max(10_000) int batchSize,
        @DefaultValue("10s") @NotNull Duration timeout) {}
