package io.milestones.milestone.api;

import io.milestones.milestone.counting.CountHistory;
import io.milestones.milestone.counting.CountingTopology;
import io.milestones.milestone.counting.MilestoneHistory;
import io.milestones.milestone.counting.ScopeCount;
import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.StoreQueryParameters;
import org.apache.kafka.streams.errors.InvalidStateStoreException;
import org.apache.kafka.streams.state.QueryableStoreType;
import org.apache.kafka.streams.state.QueryableStoreTypes;
import org.apache.kafka.streams.state.ReadOnlyKeyValueStore;
import org.springframework.kafka.config.StreamsBuilderFactoryBean;
import org.springframework.stereotype.Component;

/**
 * The global stores of the running Streams instance. Every instance holds all of them in full (read
 * from {@code milestone-counts} and {@code milestones}), so any instance answers for every scope,
 * also while tasks move in a rebalance. Public for the statistics page ({@code stats}), which reads
 * them on a schedule, never per page view.
 */
@Component
public class CountingStores {

    private final StreamsBuilderFactoryBean streams;

    CountingStores(StreamsBuilderFactoryBean streams) {
        this.streams = streams;
    }

    public ReadOnlyKeyValueStore<String, ScopeCount> counts() {
        return store(CountingTopology.COUNTS_VIEW, QueryableStoreTypes.keyValueStore());
    }

    /** The count history of every scope per day and hour ({@code milestone-count-history}). */
    public CountHistory countHistory() {
        return new CountHistory(
                store(CountingTopology.HISTORY_VIEW, QueryableStoreTypes.keyValueStore()));
    }

    MilestoneHistory history() {
        return new MilestoneHistory(historyStore());
    }

    public ReadOnlyKeyValueStore<String, byte[]> historyStore() {
        return store(MilestoneHistory.STORE, QueryableStoreTypes.keyValueStore());
    }

    private <T> T store(String name, QueryableStoreType<T> type) {
        KafkaStreams kafkaStreams = streams.getKafkaStreams();
        KafkaStreams.State state = kafkaStreams == null ? null : kafkaStreams.state();
        if (state != KafkaStreams.State.RUNNING && state != KafkaStreams.State.REBALANCING) {
            throw new CountsUnavailableException(state == null ? "NOT_STARTED" : state.name());
        }
        try {
            return kafkaStreams.store(StoreQueryParameters.fromNameAndType(name, type));
        } catch (InvalidStateStoreException e) {
            throw new CountsUnavailableException("RESTORING");
        }
    }
}
