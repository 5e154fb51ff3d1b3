package io.milestones.notifier.social;

import jakarta.validation.constraints.AssertTrue;
import java.net.URI;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * The community's Instagram professional account (business or creator, linked to a Facebook Page).
 *
 * @param enabled post there (off by default)
 * @param baseUrl the Graph API, {@code https://graph.facebook.com}
 * @param apiVersion the Graph API version in every path, e.g. {@code v23.0}
 * @param userId the Instagram professional account's id (the {@code ig-user-id})
 * @param accessToken a long-lived token with {@code instagram_basic} and {@code
 *     instagram_content_publish} (the Page token of the linked Page works)
 * @param cardBaseUrl this notifier's public HTTPS address: Instagram fetches the card from {@code
 *     <cardBaseUrl>/api/social/cards/{milestoneId}.png}, so it must be reachable from the internet
 * @param statusChecks how often a container still {@code IN_PROGRESS} is checked (a second apart)
 *     before the publication is deferred to the next retry of the milestone
 */
@Validated
@ConfigurationProperties("milestones.social.instagram")
record InstagramProperties(
        boolean enabled,
        @DefaultValue("https://graph.facebook.com") URI baseUrl,
        @DefaultValue("v23.0") String apiVersion,
        String userId,
        String accessToken,
        URI cardBaseUrl,
        @DefaultValue("5") int statusChecks) {

    @AssertTrue(
            message =
                    "user-id, api-version, access-token and an https card-base-url are required"
                            + " when Instagram is enabled")
    boolean isComplete() {
        return !enabled
                || (baseUrl != null
                        && apiVersion != null
                        && apiVersion.matches("v\\d+\\.\\d+")
                        && userId != null
                        && !userId.isBlank()
                        && accessToken != null
                        && !accessToken.isBlank()
                        && cardBaseUrl != null
                        && "https".equals(cardBaseUrl.getScheme())
                        && statusChecks >= 1);
    }

    @Override
    public String toString() {
        return ("InstagramProperties[enabled=%s, baseUrl=%s, apiVersion=%s, userId=%s,"
                        + " accessToken=%s, cardBaseUrl=%s, statusChecks=%s]")
                .formatted(
                        enabled,
                        baseUrl,
                        apiVersion,
                        userId,
                        accessToken == null ? null : "***",
                        cardBaseUrl,
                        statusChecks);
    }
}
