package io.milestones.notifier.social;

import jakarta.validation.constraints.AssertTrue;
import java.net.URI;
import java.util.Locale;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * The community's Mastodon account.
 *
 * @param enabled post there (off by default)
 * @param baseUrl the account's server, e.g. {@code https://mastodon.social}
 * @param accessToken a user token with {@code write:statuses} and {@code write:media}
 * @param visibility visibility of the statuses
 */
@Validated
@ConfigurationProperties("milestones.social.mastodon")
record MastodonProperties(
        boolean enabled,
        URI baseUrl,
        String accessToken,
        @DefaultValue("public") Visibility visibility) {

    /** Who sees a status. */
    enum Visibility {
        PUBLIC,
        UNLISTED,
        PRIVATE,
        DIRECT;

        String id() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    @AssertTrue(message = "base-url and access-token are required when Mastodon is enabled")
    boolean isComplete() {
        return !enabled || (baseUrl != null && accessToken != null && !accessToken.isBlank());
    }

    @Override
    public String toString() {
        return "MastodonProperties[enabled=%s, baseUrl=%s, accessToken=%s, visibility=%s]"
                .formatted(enabled, baseUrl, accessToken == null ? null : "***", visibility);
    }
}
