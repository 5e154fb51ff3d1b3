package io.milestones.milestone.counting;

import java.util.HashSet;
import java.util.Set;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.KeyValueStore;

/**
 * Writes the counts of a {@link ScopeCounter} to {@code milestone-counts}: each changed scope once
 * per publication, and every scope of the task at its first publication after a (re)start, when
 * what changed before is unknown.
 */
final class CountPublisher {

    private final ProcessorContext<String, CounterOutput> context;
    private final KeyValueStore<String, ScopeCount> counts;
    private final Set<String> changed = new HashSet<>();
    private boolean publishedAll;

    CountPublisher(
            ProcessorContext<String, CounterOutput> context,
            KeyValueStore<String, ScopeCount> counts) {
        this.context = context;
        this.counts = counts;
    }

    void changed(String scopeId) {
        changed.add(scopeId);
    }

    void publish(long timestamp) {
        if (!publishedAll) {
            try (var all = counts.all()) {
                all.forEachRemaining(entry -> changed.add(entry.key));
            }
            publishedAll = true;
        }
        for (String scopeId : changed) {
            ScopeCount count = counts.get(scopeId);
            if (count != null) {
                context.forward(
                        new Record<>(
                                scopeId, CounterOutput.of(count), timestamp, new RecordHeaders()));
            }
        }
        changed.clear();
    }
}
