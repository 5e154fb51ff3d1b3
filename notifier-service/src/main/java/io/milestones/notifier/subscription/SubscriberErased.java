package io.milestones.notifier.subscription;

/**
 * A teacher's personal data was erased; every copy of it must go.
 *
 * @param teacherId the teacher
 * @param email their address as it was stored, or {@code null} if they were no subscriber
 */
public record SubscriberErased(String teacherId, String email) {}
