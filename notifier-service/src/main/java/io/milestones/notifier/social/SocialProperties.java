package io.milestones.notifier.social;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import java.net.URI;
import java.time.Duration;
import java.util.Locale;
import java.util.Map;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * Settings shared by every social network.
 *
 * @param language language of posts about global milestones (and the fallback)
 * @param languages main language of each country (ISO 3166-1 alpha-2 → BCP 47), used for that
 *     country's milestones; countries missing here, or languages without a {@code
 *     i18n/social_<lang>} bundle, get {@link #language}
 * @param link an optional link added to every post (e.g. the campaign page)
 * @param retry waiting and retrying inside one publication
 * @param http timeouts of the calls to the networks
 */
@Validated
@ConfigurationProperties("milestones.social")
record SocialProperties(
        @DefaultValue("en") @NotNull Locale language,
        @DefaultValue Map<String, Locale> languages,
        URI link,
        @DefaultValue @Valid Retry retry,
        @DefaultValue @Valid Http http) {

    SocialProperties {
        languages = languages == null ? Map.of() : Map.copyOf(languages);
    }

    /** The language of posts about {@code country}'s milestones. */
    Locale languageOf(String country) {
        for (Map.Entry<String, Locale> entry : languages.entrySet()) {
            if (entry.getKey().equalsIgnoreCase(country)) {
                return entry.getValue();
            }
        }
        return language;
    }

    /**
     * Retries of one publication: 429s wait as long as the network says, 5xx and timeouts back off
     * exponentially; together never longer than {@code maxWait} (keep it well below the consumer's
     * {@code max.poll.interval.ms}).
     *
     * @param maxAttempts calls per publication, the first included
     * @param initialBackoff wait after the first 5xx
     * @param maxBackoff longest wait after a 5xx
     * @param maxWait the most one publication waits in total; a longer advertised wait fails it
     */
    record Retry(
            @DefaultValue("4") @Min(1) int maxAttempts,
            @DefaultValue("1s") @NotNull Duration initialBackoff,
            @DefaultValue("20s") @NotNull Duration maxBackoff,
            @DefaultValue("60s") @NotNull Duration maxWait) {}

    /**
     * @param connectTimeout time to open a connection
     * @param readTimeout time to wait for an answer
     */
    record Http(
            @DefaultValue("5s") @NotNull Duration connectTimeout,
            @DefaultValue("20s") @NotNull Duration readTimeout) {}
}
