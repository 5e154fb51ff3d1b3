package io.milestones.notifier.subscription;

import java.time.Instant;
import java.util.Set;

/**
 * A registered teacher became (or, redelivered, still is) a confirmed subscriber; one of the {@link
 * SubscribersJoined} of a batch.
 *
 * @param recipient the subscriber
 * @param scopes what they subscribed to
 * @param registeredAt when the teacher registered (their latest contact record's event time)
 */
public record SubscriberJoined(Recipient recipient, Set<String> scopes, Instant registeredAt) {}
