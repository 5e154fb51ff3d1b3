package io.milestones.notifier.social;

import jakarta.validation.constraints.AssertTrue;
import java.net.URI;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * The community's Facebook Page.
 *
 * @param enabled post there (off by default)
 * @param baseUrl the Graph API, {@code https://graph.facebook.com}
 * @param apiVersion the Graph API version in every path, e.g. {@code v23.0} (Meta retires each
 *     version two years after its release)
 * @param pageId the Page's id
 * @param pageAccessToken a long-lived Page access token with {@code pages_manage_posts} and {@code
 *     pages_read_engagement}
 */
@Validated
@ConfigurationProperties("milestones.social.facebook")
record FacebookProperties(
        boolean enabled,
        @DefaultValue("https://graph.facebook.com") URI baseUrl,
        @DefaultValue("v23.0") String apiVersion,
        String pageId,
        String pageAccessToken) {

    @AssertTrue(
            message =
                    "page-id, api-version and page-access-token are required when Facebook is enabled")
    boolean isComplete() {
        return !enabled
                || (baseUrl != null
                        && apiVersion != null
                        && apiVersion.matches("v\\d+\\.\\d+")
                        && pageId != null
                        && !pageId.isBlank()
                        && pageAccessToken != null
                        && !pageAccessToken.isBlank());
    }

    @Override
    public String toString() {
        return "FacebookProperties[enabled=%s, baseUrl=%s, apiVersion=%s, pageId=%s, pageAccessToken=%s]"
                .formatted(
                        enabled,
                        baseUrl,
                        apiVersion,
                        pageId,
                        pageAccessToken == null ? null : "***");
    }
}
