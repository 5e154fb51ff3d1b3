/**
 * The Milestones event contract: the records every service exchanges over Kafka, the topic names,
 * the JSON serde and the CloudEvents 1.0 binary-mode header mapping.
 *
 * <p>This module has no Spring dependency so that any producer, including the community platform
 * itself, can depend on it. Records are immutable and validate their invariants on construction, so
 * a record read from a topic is either whole or rejected as a poison record.
 */
package io.milestones.events;
