package io.milestones.milestone.counting;

import io.milestones.events.EventJson;
import io.milestones.events.MilestoneApproaching;
import io.milestones.events.MilestoneEvent;
import io.milestones.events.MilestoneReached;
import java.util.Optional;
import org.apache.kafka.streams.state.ReadOnlyKeyValueStore;

/**
 * The {@code milestones} topic as every instance sees it: the latest event per milestoneId (an
 * approach, later replaced by the milestone itself). Guards against announcing twice after a reset
 * of the counting state, and answers {@code GET /api/milestones}.
 */
public final class MilestoneHistory {

    /** The global store holding the latest event of each milestone, as written to the topic. */
    public static final String STORE = "milestone-history";

    private final ReadOnlyKeyValueStore<String, byte[]> store;

    public MilestoneHistory(ReadOnlyKeyValueStore<String, byte[]> store) {
        this.store = store;
    }

    /** The latest event of {@code milestoneId}, if any was announced. */
    public Optional<MilestoneEvent> latest(String milestoneId) {
        byte[] value = store.get(milestoneId);
        return value == null ? Optional.empty() : tryDecode(value);
    }

    /** The event, or empty for a value that is no milestone event (written by someone else). */
    public static Optional<MilestoneEvent> tryDecode(byte[] value) {
        try {
            return Optional.of(decode(value));
        } catch (RuntimeException e) {
            return Optional.empty();
        }
    }

    boolean reached(String milestoneId) {
        return latest(milestoneId).filter(MilestoneReached.class::isInstance).isPresent();
    }

    /**
     * Whether the milestone was reached, or announced as approaching at {@code fraction} or later.
     */
    boolean approached(String milestoneId, double fraction) {
        return latest(milestoneId)
                .filter(
                        e ->
                                e instanceof MilestoneReached
                                        || (e instanceof MilestoneApproaching a
                                                && a.fraction() >= fraction))
                .isPresent();
    }

    /**
     * Reads a value of the {@code milestones} topic without its headers (a global store keeps only
     * key and value): an approach carries a {@code fraction}, a milestone does not.
     */
    public static MilestoneEvent decode(byte[] value) {
        var tree = EventJson.mapper().readTree(value);
        return tree.has("fraction")
                ? EventJson.read(value, MilestoneApproaching.class)
                : EventJson.read(value, MilestoneReached.class);
    }
}
