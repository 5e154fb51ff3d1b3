package io.milestones.notifier.email;

import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import java.util.List;
import java.util.Locale;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * Congratulation e-mail settings.
 *
 * @param from the sender address
 * @param fromName the sender's display name
 * @param recipients addresses that receive every milestone e-mail
 * @param locale language of e-mails to these recipients
 * @param messageIdDomain right-hand side of the deterministic {@code Message-ID}
 */
@Validated
@ConfigurationProperties("milestones.mail")
record MailProperties(
        @DefaultValue("milestones@etwinning.example") @Email @NotBlank String from,
        @DefaultValue("eTwinning Milestones") @NotBlank String fromName,
        @DefaultValue List<@Email String> recipients,
        @DefaultValue("en") Locale locale,
        @DefaultValue("milestones.local") @NotBlank String messageIdDomain) {}
