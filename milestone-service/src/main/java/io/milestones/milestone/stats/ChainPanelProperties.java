package io.milestones.milestone.stats;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import java.net.URI;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * The social chain's panel on the community page ({@code milestones.stats.chain.*}): the visitor's
 * browser reads chain-service's {@code GET /api/chain/{campaign}} itself (CORS), every {@code
 * pollInterval} (docs/decisions/0503).
 *
 * @param url chain-service as browsers reach it, e.g. {@code https://chain.example.org}; absent: no
 *     panel
 * @param campaign the campaign shown (its main hashtag, no {@code #})
 * @param pollInterval how often the page asks for the chain
 * @param latest answers shown in the feed
 */
@Validated
@ConfigurationProperties("milestones.stats.chain")
record ChainPanelProperties(
        URI url,
        @DefaultValue("1MeTwinners") @NotBlank String campaign,
        @DefaultValue("2s") @NotNull Duration pollInterval,
        @DefaultValue("5") @Min(1) @Max(100) int latest) {

    ChainPanelProperties {
        if (pollInterval != null && pollInterval.toMillis() < 200) {
            throw new IllegalArgumentException(
                    "milestones.stats.chain.poll-interval must be at least 200ms, got "
                            + pollInterval);
        }
    }

    /** The panel as the template shows it, or {@code null} when no chain-service is set. */
    ChainPanel panel() {
        if (url == null) {
            return null;
        }
        String base = url.toString().replaceAll("/+$", "");
        return new ChainPanel(
                campaign,
                base + "/api/chain/" + campaign + "?limit=" + latest,
                pollInterval.toMillis());
    }

    /** The origin the page may connect to, for its Content-Security-Policy; empty if relative. */
    String origin() {
        if (url == null || url.getScheme() == null || url.getAuthority() == null) {
            return "";
        }
        return url.getScheme() + "://" + url.getAuthority();
    }

    /**
     * @param campaign the campaign, in the heading
     * @param source the chain's JSON the page reads
     * @param pollMillis how often, in milliseconds
     */
    record ChainPanel(String campaign, String source, long pollMillis) {}
}
