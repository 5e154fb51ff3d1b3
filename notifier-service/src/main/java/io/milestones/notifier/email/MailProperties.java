package io.milestones.notifier.email;

import jakarta.validation.Valid;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * Congratulation e-mail settings.
 *
 * @param from the sender address
 * @param fromName the sender's display name
 * @param messageIdDomain right-hand side of the deterministic {@code Message-ID}
 * @param unsubscribeMailbox the {@code mailto:} target of {@code List-Unsubscribe}
 * @param ratePerSecond e-mails per second per instance, across its sender threads (0: no limit)
 * @param connectionIdleCheck a pooled SMTP connection idle longer than this is checked (NOOP)
 *     before it is reused
 * @param card the celebration card inline in milestone e-mails
 */
@Validated
@ConfigurationProperties("milestones.mail")
record MailProperties(
        @DefaultValue("milestones@etwinning.example") @Email @NotBlank String from,
        @DefaultValue("eTwinning Milestones") @NotBlank String fromName,
        @DefaultValue("milestones.local") @NotBlank String messageIdDomain,
        @DefaultValue("unsubscribe@milestones.local") @Email @NotBlank String unsubscribeMailbox,
        @DefaultValue("50") @DecimalMin("0") double ratePerSecond,
        @DefaultValue("10s") @NotNull Duration connectionIdleCheck,
        @DefaultValue @Valid Card card) {

    /**
     * The celebration card as an inline ({@code cid:}) image of the milestone e-mail.
     *
     * @param enabled embed it (off: the e-mail is text and HTML only, as before)
     * @param width its width in pixels, as drawn and as shown: the message is 600 px wide (what
     *     mail clients show without scaling) with 32 px margins, so 536; the height follows the
     *     card's 16:9
     */
    record Card(
            @DefaultValue("true") boolean enabled,
            @DefaultValue("536") @Min(200) @Max(1200) int width) {}
}
