package io.milestones.milestone.counting;

import io.milestones.events.CrossedBy;
import java.time.Instant;

/**
 * A distinct registration adding to one scope's count; the value of the internal repartition topic,
 * keyed by scope id.
 *
 * @param delta how many distinct registrations this increment stands for
 * @param crossedBy the (last) registration behind it, named in a milestone it crosses
 * @param registeredAt its event time
 * @param baseline whether it is an imported registration that must not be celebrated
 */
record ScopeIncrement(long delta, CrossedBy crossedBy, Instant registeredAt, boolean baseline) {}
