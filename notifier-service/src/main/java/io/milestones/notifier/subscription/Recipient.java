package io.milestones.notifier.subscription;

import java.util.UUID;

/**
 * A confirmed subscriber as the fan-out sees them.
 *
 * @param subscriptionId their subscription
 * @param email their address
 * @param language their language (BCP 47)
 * @param teacherId the teacher they are, or {@code null}
 */
public record Recipient(UUID subscriptionId, String email, String language, String teacherId) {}
