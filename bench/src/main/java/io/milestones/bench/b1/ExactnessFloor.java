package io.milestones.bench.b1;

import static org.awaitility.Awaitility.await;

import io.milestones.bench.b1.CountingService.Guarantee;
import io.milestones.events.Topics;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.Topology;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.KeyValueStore;
import org.apache.kafka.streams.state.Stores;

/**
 * The floor of an exact count on Kafka Streams, a reference line of B1: one processor per input
 * task with a de-duplication store ({@code putIfAbsent} by teacherId) and the task's own counts per
 * country in a cached store; no repartition, no JSON (the country is found by a byte scan), no
 * milestones. An exact design of the service's job cannot do less per record under the same
 * guarantee. Done when the countries' counts, summed over the tasks, are the expected ones.
 */
public final class ExactnessFloor {

    static final String SEEN = "floor-seen";
    static final String STORE = "floor-counts";
    private static final byte[] COUNTRY = "\"country\":\"".getBytes(StandardCharsets.UTF_8);

    private ExactnessFloor() {}

    /** Seconds from start until every country's distinct count is final. */
    public static double drain(
            String bootstrap, RegistrationLoad load, String applicationId, Guarantee guarantee)
            throws IOException {
        Topology topology = new Topology();
        topology.addSource(
                "registrations",
                Serdes.String().deserializer(),
                Serdes.ByteArray().deserializer(),
                Topics.REGISTRATIONS);
        topology.addProcessor("floor", Floor::new, "registrations");
        topology.addStateStore(
                Stores.keyValueStoreBuilder(
                        Stores.persistentKeyValueStore(SEEN), Serdes.String(), Serdes.Long()),
                "floor");
        topology.addStateStore(
                Stores.keyValueStoreBuilder(
                                Stores.persistentKeyValueStore(STORE),
                                Serdes.String(),
                                Serdes.Long())
                        .withCachingEnabled(),
                "floor");
        Path state = Files.createTempDirectory("bench-" + applicationId);
        long start = System.nanoTime();
        KafkaStreams streams =
                new KafkaStreams(
                        topology,
                        CountingService.config(bootstrap, applicationId, state, guarantee));
        streams.start();
        try {
            await().atMost(Duration.ofMinutes(30))
                    .pollInterval(Duration.ofMillis(20))
                    .until(() -> CountryCounts.exact(streams, STORE, load));
            return (System.nanoTime() - start) / 1e9;
        } finally {
            streams.close(Duration.ofSeconds(30));
            StateDirs.delete(state);
        }
    }

    /** The two-letter value of {@code "country":"XX"}, or null when the bytes have none. */
    static String country(byte[] json) {
        if (json == null) {
            return null;
        }
        outer:
        for (int i = 0; i + COUNTRY.length + 2 < json.length; i++) {
            for (int j = 0; j < COUNTRY.length; j++) {
                if (json[i + j] != COUNTRY[j]) {
                    continue outer;
                }
            }
            int at = i + COUNTRY.length;
            return new String(json, at, 2, StandardCharsets.US_ASCII);
        }
        return null;
    }

    private static final class Floor implements Processor<String, byte[], Void, Void> {
        private KeyValueStore<String, Long> seen;
        private KeyValueStore<String, Long> counts;

        @Override
        public void init(ProcessorContext<Void, Void> context) {
            seen = context.getStateStore(SEEN);
            counts = context.getStateStore(STORE);
        }

        @Override
        public void process(Record<String, byte[]> record) {
            String country = country(record.value());
            if (country == null || record.key() == null) {
                return; // poison
            }
            if (seen.putIfAbsent(record.key(), 1L) == null) {
                Long before = counts.get(country);
                counts.put(country, before == null ? 1 : before + 1);
            }
        }
    }
}
