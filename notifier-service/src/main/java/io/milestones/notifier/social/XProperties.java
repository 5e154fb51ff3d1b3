package io.milestones.notifier.social;

import jakarta.validation.constraints.AssertTrue;
import java.net.URI;
import java.nio.file.Path;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.ConstructorBinding;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * The community's X account.
 *
 * @param enabled post there (off by default)
 * @param baseUrl the API, {@code https://api.x.com} (also the token endpoint {@code
 *     /2/oauth2/token})
 * @param accessToken an OAuth 2.0 user-context access token with {@code tweet.write} and {@code
 *     media.write} (two hours)
 * @param refreshToken the refresh token answered with it ({@code offline.access}); with {@code
 *     clientId} an expired access token is refreshed automatically (decision 0407)
 * @param clientId the X app's OAuth 2.0 client id
 * @param clientSecret the client secret of a confidential client (HTTP Basic at the token
 *     endpoint); empty for a public client
 * @param tokenFile where the rotated token pair is kept so that a restart uses the latest
 */
@Validated
@ConfigurationProperties("milestones.social.x")
record XProperties(
        boolean enabled,
        @DefaultValue("https://api.x.com") URI baseUrl,
        String accessToken,
        String refreshToken,
        String clientId,
        String clientSecret,
        @DefaultValue("./data/notifier/x-oauth2-token.json") Path tokenFile) {

    @ConstructorBinding
    XProperties {}

    /** Access token only: no automatic refresh. */
    XProperties(boolean enabled, URI baseUrl, String accessToken) {
        this(enabled, baseUrl, accessToken, null, null, null, null);
    }

    @AssertTrue(message = "access-token is required when X is enabled")
    boolean isComplete() {
        return !enabled || (baseUrl != null && accessToken != null && !accessToken.isBlank());
    }

    @Override
    public String toString() {
        return ("XProperties[enabled=%s, baseUrl=%s, accessToken=%s, refreshToken=%s,"
                        + " clientId=%s, clientSecret=%s, tokenFile=%s]")
                .formatted(
                        enabled,
                        baseUrl,
                        accessToken == null ? null : "***",
                        refreshToken == null ? null : "***",
                        clientId,
                        clientSecret == null ? null : "***",
                        tokenFile);
    }
}
