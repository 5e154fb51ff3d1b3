package io.milestones.registration.outbox;

import io.milestones.events.CloudEvent;
import java.time.Instant;

/**
 * An outbox row not yet acknowledged by the broker.
 *
 * @param id position in the outbox; publishing follows it
 * @param cloudEvent the attributes to write as headers
 * @param topic the target topic
 * @param key the record key
 * @param payload the record value (JSON)
 * @param createdAt when the row was written
 * @param traceParent W3C trace context of the request that wrote it, or {@code null}
 */
record PendingEvent(
        long id,
        CloudEvent cloudEvent,
        String topic,
        String key,
        byte[] payload,
        Instant createdAt,
        String traceParent) {}
