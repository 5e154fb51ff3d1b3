package io.milestones.notifier.links;

import jakarta.validation.constraints.NotNull;
import java.net.URI;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.validation.annotation.Validated;

/**
 * Where people reach the notifier from their mailbox.
 *
 * @param publicBaseUrl the notifier's public URL, e.g. {@code https://milestones.example.org};
 *     links in e-mails (confirm, unsubscribe, preferences) start with it. RFC 8058 wants HTTPS.
 */
@Validated
@ConfigurationProperties("milestones")
record LinkProperties(@NotNull URI publicBaseUrl) {}
