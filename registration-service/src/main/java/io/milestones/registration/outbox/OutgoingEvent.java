package io.milestones.registration.outbox;

import io.milestones.events.CloudEvent;

/**
 * An event to publish once the transaction that wrote it commits.
 *
 * @param cloudEvent its CloudEvents attributes; {@code id} is kept across every relay attempt
 * @param topic where it goes
 * @param key the record key (the teacherId), which also orders the events of one key
 * @param payload the event record, written as JSON; {@code null} for a tombstone (compacted topics)
 */
public record OutgoingEvent(CloudEvent cloudEvent, String topic, String key, Object payload) {}
