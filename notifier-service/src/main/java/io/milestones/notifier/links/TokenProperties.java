package io.milestones.notifier.links;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * Signed subscriber links.
 *
 * @param tokenSecret HMAC-SHA256 key of every link; required, at least 32 characters, from the
 *     environment ({@code MILESTONES_SUBSCRIPTIONS_TOKEN_SECRET}); changing it voids every link
 *     already mailed
 * @param confirmValidity how long a double opt-in link works
 * @param preferencesValidity how long a preferences link works
 * @param unsubscribeValidity how long the unsubscribe link of an e-mail works
 */
@Validated
@ConfigurationProperties("milestones.subscriptions")
record TokenProperties(
        @NotBlank @Size(min = 32) String tokenSecret,
        @DefaultValue("7d") @NotNull Duration confirmValidity,
        @DefaultValue("30d") @NotNull Duration preferencesValidity,
        @DefaultValue("400d") @NotNull Duration unsubscribeValidity) {

    Duration validity(TokenPurpose purpose) {
        return switch (purpose) {
            case CONFIRM -> confirmValidity;
            case PREFERENCES -> preferencesValidity;
            case UNSUBSCRIBE -> unsubscribeValidity;
        };
    }

    @Override
    public String toString() {
        return "TokenProperties[tokenSecret=***]";
    }
}
