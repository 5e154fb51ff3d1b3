package io.milestones.notifier.subscription;

import java.util.Set;

/**
 * A registered teacher became (or, redelivered, still is) a confirmed subscriber. Published inside
 * the registrations listener's transaction, after the subscriber was saved.
 *
 * @param recipient the subscriber
 * @param scopes what they subscribed to
 */
public record SubscriberJoined(Recipient recipient, Set<String> scopes) {}
