package io.milestones.notifier.social;

import jakarta.validation.constraints.AssertTrue;
import jakarta.validation.constraints.NotNull;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * How a post waits in this process for a used-up publishing limit (Instagram's {@code
 * content_publishing_limit}) to free a slot: the limit is checked again after {@code firstCheck},
 * then after twice as long each time, never more than {@code maxCheck} apart (nor longer than the
 * window itself). The network does not say when its oldest post leaves the rolling window, so the
 * wait re-checks; a check costs one {@code GET}.
 *
 * @param firstCheck the first re-check after the limit was found used up
 * @param maxCheck the longest pause between two re-checks
 */
@Validated
@ConfigurationProperties("milestones.social.limit-wait")
record LimitWaitProperties(
        @DefaultValue("5m") @NotNull Duration firstCheck,
        @DefaultValue("1h") @NotNull Duration maxCheck) {

    @AssertTrue(message = "first-check and max-check must be positive, first-check <= max-check")
    boolean isOrdered() {
        return firstCheck != null
                && maxCheck != null
                && !firstCheck.isNegative()
                && !firstCheck.isZero()
                && firstCheck.compareTo(maxCheck) <= 0;
    }

    /**
     * The pause before re-check number {@code check} (1, 2, …) within a window of {@code window}.
     */
    Duration pause(int check, Duration window) {
        Duration pause = firstCheck.multipliedBy(1L << Math.min(Math.max(check - 1, 0), 20));
        if (pause.compareTo(maxCheck) > 0) {
            pause = maxCheck;
        }
        if (window != null
                && !window.isNegative()
                && !window.isZero()
                && pause.compareTo(window) > 0) {
            pause = window;
        }
        return pause;
    }
}
