package io.milestones.notifier.access;

import java.time.Instant;
import java.util.List;

/**
 * Everything the notifier holds about one teacher, unmasked: it is the person's own data (GDPR Art.
 * 15). Found by teacherId, and by the addresses of the teacher's subscriptions.
 *
 * @param teacherId the teacher
 * @param name the name and the consent to be named, from {@code teacher-contacts}; {@code null}
 *     when none is held
 * @param subscriptions the teacher's subscriptions
 * @param deliveries every delivery to one of those addresses
 * @param suppressions those addresses on the suppression list
 * @param milestonesCrossed milestones the teacher crossed, as the notifier recorded them
 */
record NotifierPersonalData(
        String teacherId,
        Name name,
        List<Subscription> subscriptions,
        List<Delivery> deliveries,
        List<Suppression> suppressions,
        List<Crossed> milestonesCrossed) {

    record Name(String displayName, boolean publicName, Instant updatedAt) {}

    record Subscription(
            String id,
            String email,
            String language,
            String status,
            List<String> scopes,
            Instant createdAt,
            Instant confirmedAt) {}

    record Delivery(
            String milestoneId,
            String channel,
            String recipient,
            String status,
            int attempts,
            String bounce,
            Instant createdAt,
            Instant updatedAt) {}

    record Suppression(String address, String reason, String source, Instant createdAt) {}

    record Crossed(String milestoneId, String crossedByName, Instant reachedAt) {}
}
