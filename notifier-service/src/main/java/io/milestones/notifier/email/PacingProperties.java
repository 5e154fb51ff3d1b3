package io.milestones.notifier.email;

import jakarta.validation.Valid;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import java.time.Duration;
import java.util.Map;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * Pacing per recipient domain, besides the global {@code rate-per-second} (decision 0307).
 *
 * @param enabled off: only the global rate applies, as before
 * @param defaults the limits of every domain not named in {@code domains}, each domain its own
 * @param domains limits of named domains (lower case; in YAML {@code "[gmail.com]"})
 * @param maxWait how long a sender thread waits for a domain's slot or permit; a longer wait leaves
 *     the e-mail to the retry topics, so one slow domain does not hold the partition
 * @param backoff how a domain that answered "try later" is slowed
 * @param maxDomains domains remembered at once; idle ones at their normal pace are forgotten
 */
@Validated
@ConfigurationProperties("milestones.mail.pacing")
record PacingProperties(
        @DefaultValue("true") boolean enabled,
        @DefaultValue @Valid Limit defaults,
        Map<String, @Valid Limit> domains,
        @DefaultValue("1s") @NotNull Duration maxWait,
        @DefaultValue @Valid Backoff backoff,
        @DefaultValue("10000") @Min(100) int maxDomains) {

    PacingProperties {
        domains = domains == null ? Map.of() : Map.copyOf(domains);
    }

    Limit limitOf(String domain) {
        return domains.getOrDefault(domain, defaults);
    }

    /**
     * @param concurrency e-mails in flight to the domain at once, so connections to it (0: no
     *     limit)
     * @param ratePerSecond e-mails per second to the domain (0: only the global rate)
     */
    record Limit(
            @DefaultValue("0") @Min(0) int concurrency,
            @DefaultValue("0") @DecimalMin("0") double ratePerSecond) {}

    /**
     * After a "try later" (421, or a 4xx that is not about one mailbox) the domain is paused, then
     * runs at half its rate until {@code recoverAfter} e-mails in a row went through.
     *
     * @param initial the first pause; doubled at each further "try later" in a row
     * @param max the longest pause; keep it well below the retry topics' total delay
     * @param resumeRatePerSecond the rate after a pause of a domain that had no rate of its own
     * @param recoverAfter successful e-mails that give the domain its configured rate back
     */
    record Backoff(
            @DefaultValue("30s") @NotNull Duration initial,
            @DefaultValue("2m") @NotNull Duration max,
            @DefaultValue("1") @DecimalMin(value = "0", inclusive = false)
                    double resumeRatePerSecond,
            @DefaultValue("100") @Min(1) int recoverAfter) {}
}
