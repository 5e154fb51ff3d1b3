package io.milestones.notifier.fanout;

import jakarta.validation.constraints.Email;
import java.util.List;
import java.util.Locale;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Addresses that receive every milestone e-mail besides the subscribers (the team, a newsroom).
 * They are configuration, not subscribers: no opt-in, no unsubscribe link.
 *
 * @param recipients the addresses ({@code milestones.mail.recipients})
 * @param locale their language ({@code milestones.mail.locale})
 */
@ConfigurationProperties("milestones.mail")
record TeamProperties(
        @DefaultValue List<@Email String> recipients, @DefaultValue("en") Locale locale) {}
