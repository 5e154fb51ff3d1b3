package io.milestones.milestone.counting;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.milestones.testing.KafkaBrokerExtension;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.TreeMap;
import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.StoreQueryParameters;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.errors.InvalidStateStoreException;
import org.apache.kafka.streams.state.QueryableStoreTypes;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * Two instances share the work (same application.id, own state directories); one joins mid-stream,
 * one leaves and comes back, so tasks move three times while registrations flow. The global count
 * uses the single key here (the crash test covers the two-level default).
 */
class TwoInstancesIT {

    static final String APP = "milestone-two-instances-it";

    @RegisterExtension static KafkaBrokerExtension kafka = new KafkaBrokerExtension();
    @TempDir Path stateA;
    @TempDir Path stateB;

    KafkaStreams a;
    KafkaStreams b;

    @AfterEach
    void stop() {
        for (KafkaStreams streams : new KafkaStreams[] {a, b}) {
            if (streams != null) {
                streams.close(Duration.ofSeconds(10));
            }
        }
    }

    @Test
    @DisplayName(
            "two instances with rebalances mid-stream: exact counts on both, each milestone once")
    void shouldCountExactlyWhileTasksMoveBetweenInstances() throws Exception {
        String bootstrap = kafka.bootstrapServers();
        RegistrationLoad.createTopics(bootstrap);
        var load = new RegistrationLoad(50_000, 0.10);
        int third = load.size() / 3;

        // the shipped milestone-service.yml, which CountingApp runs with, promises exactly-once
        assertThat(CountingApp.config(bootstrap, APP, stateA.toString()))
                .containsEntry(
                        StreamsConfig.PROCESSING_GUARANTEE_CONFIG, StreamsConfig.EXACTLY_ONCE_V2);
        load.produce(bootstrap, 0, third);
        a = start(stateA);
        awaitCommitted(third / 2);
        b = start(stateB); // rebalance: B takes over half the tasks
        load.produce(bootstrap, third, 2 * third);
        awaitCommitted(third + third / 2);
        a.close(new KafkaStreams.CloseOptions().leaveGroup(true).timeout(Duration.ofSeconds(30)));
        load.produce(bootstrap, 2 * third, load.size()); // B alone
        awaitCommitted(2 * third + third / 3);
        a = start(stateA); // and back: tasks move again, A restores its state

        await().atMost(Duration.ofMinutes(3))
                .pollInterval(Duration.ofSeconds(1))
                .untilAsserted(
                        () ->
                                assertThat(RegistrationLoad.publishedCounts(bootstrap))
                                        .isEqualTo(load.expectedCounts()));
        // any instance answers for every scope: both read all counts into their global store
        await().atMost(Duration.ofSeconds(30))
                .ignoreExceptionsInstanceOf(InvalidStateStoreException.class)
                .untilAsserted(
                        () -> {
                            // a store being restored or migrated throws; that is "not yet"
                            assertThat(countsView(a)).isEqualTo(load.expectedCounts());
                            assertThat(countsView(b)).isEqualTo(load.expectedCounts());
                        });
        // duplicates at the end of the load change no count: their offsets may commit later
        await().atMost(Duration.ofSeconds(30))
                .untilAsserted(
                        () ->
                                assertThat(RegistrationLoad.committed(bootstrap, APP))
                                        .isEqualTo(load.size()));
        load.assertEachMilestoneExactlyOnce(bootstrap);
    }

    private static Map<String, Long> countsView(KafkaStreams streams) {
        Map<String, Long> counts = new TreeMap<>();
        var store =
                streams.store(
                        StoreQueryParameters.fromNameAndType(
                                CountingTopology.COUNTS_VIEW,
                                QueryableStoreTypes.<String, ScopeCount>keyValueStore()));
        try (var all = store.all()) {
            all.forEachRemaining(e -> counts.put(e.key, e.value.count()));
        }
        return counts;
    }

    private KafkaStreams start(Path stateDir) {
        return CountingApp.start(
                kafka.bootstrapServers(),
                APP,
                stateDir.toString(),
                CountingOptions.DEFAULTS.globalAggregation()); // the shipped every-scope sums
    }

    private void awaitCommitted(long records) {
        await().atMost(Duration.ofMinutes(2))
                .pollInterval(Duration.ofMillis(200))
                .until(() -> RegistrationLoad.committed(kafka.bootstrapServers(), APP) >= records);
    }
}
