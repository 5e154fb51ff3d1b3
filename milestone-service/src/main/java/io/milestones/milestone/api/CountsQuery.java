package io.milestones.milestone.api;

import io.milestones.events.Scope;
import io.milestones.events.ScopeType;
import io.milestones.milestone.counting.CountingTopology;
import io.milestones.milestone.counting.ScopeCount;
import java.time.Clock;
import java.util.Map;
import java.util.TreeMap;
import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.StoreQueryParameters;
import org.apache.kafka.streams.errors.InvalidStateStoreException;
import org.apache.kafka.streams.state.QueryableStoreTypes;
import org.apache.kafka.streams.state.ReadOnlyKeyValueStore;
import org.springframework.kafka.config.StreamsBuilderFactoryBean;
import org.springframework.stereotype.Component;

/** Reads the counts store of the running Streams instance (interactive query). */
@Component
class CountsQuery {

    private final StreamsBuilderFactoryBean streams;
    private final Clock clock;

    CountsQuery(StreamsBuilderFactoryBean streams, Clock clock) {
        this.streams = streams;
        this.clock = clock;
    }

    CountsController.CountsResponse all() {
        long global = 0;
        Map<String, Map<String, Long>> scopes = new TreeMap<>();
        try (var all = store().all()) {
            while (all.hasNext()) {
                var entry = all.next();
                Scope scope = Scope.fromId(entry.key);
                if (scope.type() == ScopeType.GLOBAL) {
                    global = entry.value.count();
                } else {
                    scopes.computeIfAbsent(scope.type().id(), k -> new TreeMap<>())
                            .put(scope.key(), entry.value.count());
                }
            }
        }
        return new CountsController.CountsResponse(global, scopes, clock.instant());
    }

    private ReadOnlyKeyValueStore<String, ScopeCount> store() {
        KafkaStreams kafkaStreams = streams.getKafkaStreams();
        if (kafkaStreams == null || kafkaStreams.state() != KafkaStreams.State.RUNNING) {
            throw new CountsUnavailableException(
                    kafkaStreams == null ? "NOT_STARTED" : kafkaStreams.state().name());
        }
        try {
            return kafkaStreams.store(
                    StoreQueryParameters.fromNameAndType(
                            CountingTopology.COUNTS_STORE, QueryableStoreTypes.keyValueStore()));
        } catch (InvalidStateStoreException e) {
            throw new CountsUnavailableException("REBALANCING");
        }
    }
}
