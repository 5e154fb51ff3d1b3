package io.milestones.notifier.suppression;

import java.time.Instant;

/**
 * One entry of the suppression list as the admin API shows it.
 *
 * @param addressHash SHA-256 of the normalised address (the key; lift by it)
 * @param address the address masked ({@code a***@example.org}), {@code null} once erased
 * @param reason why it is suppressed
 * @param source where the bounce or complaint was learnt
 * @param detail the status or diagnostic, addresses masked
 * @param createdAt since when
 */
public record Suppression(
        String addressHash,
        String address,
        SuppressionReason reason,
        String source,
        String detail,
        Instant createdAt) {}
