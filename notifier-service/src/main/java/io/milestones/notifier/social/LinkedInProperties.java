package io.milestones.notifier.social;

import jakarta.validation.constraints.AssertTrue;
import java.net.URI;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * The community's LinkedIn organization page.
 *
 * @param enabled post there (off by default)
 * @param baseUrl the REST API, {@code https://api.linkedin.com}
 * @param version the {@code LinkedIn-Version} header, {@code YYYYMM}; LinkedIn supports each
 *     version for at least a year
 * @param organizationId the organization's numeric id ({@code urn:li:organization:<id>})
 * @param accessToken a member token of a page admin with {@code w_organization_social} and {@code
 *     r_organization_social} (valid 60 days)
 */
@Validated
@ConfigurationProperties("milestones.social.linkedin")
record LinkedInProperties(
        boolean enabled,
        @DefaultValue("https://api.linkedin.com") URI baseUrl,
        @DefaultValue("202509") String version,
        String organizationId,
        String accessToken) {

    @AssertTrue(
            message =
                    "organization-id, version (YYYYMM) and access-token are required when LinkedIn"
                            + " is enabled")
    boolean isComplete() {
        return !enabled
                || (baseUrl != null
                        && version != null
                        && version.matches("\\d{6}")
                        && organizationId != null
                        && organizationId.matches("\\d+")
                        && accessToken != null
                        && !accessToken.isBlank());
    }

    /** {@code urn:li:organization:<id>}. */
    String organizationUrn() {
        return "urn:li:organization:" + organizationId;
    }

    @Override
    public String toString() {
        return "LinkedInProperties[enabled=%s, baseUrl=%s, version=%s, organizationId=%s, accessToken=%s]"
                .formatted(
                        enabled,
                        baseUrl,
                        version,
                        organizationId,
                        accessToken == null ? null : "***");
    }
}
