package io.milestones.notifier.social;

import jakarta.validation.constraints.AssertTrue;
import java.net.URI;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * The community's X account.
 *
 * @param enabled post there (off by default)
 * @param baseUrl the API, {@code https://api.x.com}
 * @param accessToken an OAuth 2.0 user-context access token with {@code tweet.write} and {@code
 *     media.write}
 */
@Validated
@ConfigurationProperties("milestones.social.x")
record XProperties(
        boolean enabled, @DefaultValue("https://api.x.com") URI baseUrl, String accessToken) {

    @AssertTrue(message = "access-token is required when X is enabled")
    boolean isComplete() {
        return !enabled || (baseUrl != null && accessToken != null && !accessToken.isBlank());
    }

    @Override
    public String toString() {
        return "XProperties[enabled=%s, baseUrl=%s, accessToken=%s]"
                .formatted(enabled, baseUrl, accessToken == null ? null : "***");
    }
}
