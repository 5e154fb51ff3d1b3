package io.milestones.notifier.subscription;

import java.util.List;

/**
 * Registered teachers became (or, redelivered, still are) confirmed subscribers: one event per
 * batch of registrations, published after the batch's subscriptions committed, so a listener may
 * look things up for all of them at once.
 *
 * @param subscribers who, in the order their registrations were read
 */
public record SubscribersJoined(List<SubscriberJoined> subscribers) {}
