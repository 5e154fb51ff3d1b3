package io.milestones.milestone.stats;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * The public statistics page ({@code milestones.stats.*}), documented in milestone-service.yml.
 *
 * @param community the community named in titles ("eTwinning in numbers")
 * @param refreshInterval how often the snapshot is read from the global stores
 * @param cacheMaxAge {@code Cache-Control: max-age} of the pages and the JSON endpoints
 * @param allowedOrigins origins allowed to read {@code /api/public/**} from a browser (CORS)
 * @param sseRetry the reconnect delay the live stream asks browsers for
 * @param sseTimeout how long one live-stream connection is held before the browser reconnects
 * @param heartbeat idle time after which a comment is sent to every live-stream subscriber
 * @param recentMilestones milestones shown in a timeline
 * @param countries the participating countries (ISO 3166-1 alpha-2), drawn on the map
 */
@Validated
@ConfigurationProperties("milestones.stats")
record StatsProperties(
        @DefaultValue("eTwinning") @NotBlank String community,
        @DefaultValue("1s") @NotNull Duration refreshInterval,
        @DefaultValue("2s") @NotNull Duration cacheMaxAge,
        @DefaultValue("*") @NotEmpty List<String> allowedOrigins,
        @DefaultValue("3s") @NotNull Duration sseRetry,
        @DefaultValue("30m") @NotNull Duration sseTimeout,
        @DefaultValue("20s") @NotNull Duration heartbeat,
        @DefaultValue("10") @Min(1) @Max(100) int recentMilestones,
        @DefaultValue({
                    "AT", "BE", "BG", "HR", "CY", "CZ", "DK", "EE", "FI", "FR", "DE", "GR", "HU",
                    "IE", "IT", "LV", "LT", "LU", "MT", "NL", "PL", "PT", "RO", "SK", "SI", "ES",
                    "SE", "IS", "LI", "MK", "NO", "TR", "AL", "BA", "RS", "AM", "AZ", "GE", "JO",
                    "LB", "MD", "TN", "UA"
                })
                @NotNull
                List<String> countries) {

    StatsProperties {
        if (refreshInterval != null && refreshInterval.toMillis() < 100) {
            throw new IllegalArgumentException(
                    "milestones.stats.refresh-interval must be at least 100ms, got "
                            + refreshInterval);
        }
        if (countries != null) {
            countries = countries.stream().map(c -> c.strip().toUpperCase(Locale.ROOT)).toList();
            for (String country : countries) {
                if (StatsViews.countryCode(country).isEmpty()) {
                    throw new IllegalArgumentException(
                            "milestones.stats.countries must hold ISO 3166-1 alpha-2 codes, got '"
                                    + country
                                    + "'");
                }
            }
        }
    }
}
