package io.milestones.notifier.social;

import jakarta.validation.constraints.AssertTrue;
import java.net.URI;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * The community's Bluesky account.
 *
 * @param enabled post there (off by default)
 * @param serviceUrl the account's PDS, or the entryway {@code https://bsky.social}
 * @param identifier handle or DID
 * @param appPassword an app password (never the account password)
 */
@Validated
@ConfigurationProperties("milestones.social.bluesky")
record BlueskyProperties(
        boolean enabled,
        @DefaultValue("https://bsky.social") URI serviceUrl,
        String identifier,
        String appPassword) {

    @AssertTrue(message = "identifier and app-password are required when Bluesky is enabled")
    boolean isComplete() {
        return !enabled
                || (serviceUrl != null
                        && identifier != null
                        && !identifier.isBlank()
                        && appPassword != null
                        && !appPassword.isBlank());
    }

    @Override
    public String toString() {
        return "BlueskyProperties[enabled=%s, serviceUrl=%s, identifier=%s, appPassword=%s]"
                .formatted(enabled, serviceUrl, identifier, appPassword == null ? null : "***");
    }
}
