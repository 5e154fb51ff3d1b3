package io.milestones.bench.b1;

import static org.awaitility.Awaitility.await;

import io.milestones.bench.b1.CountingService.Guarantee;
import io.milestones.events.EventSerde;
import io.milestones.events.TeacherRegistered;
import io.milestones.events.Topics;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Properties;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.common.utils.Bytes;
import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.errors.LogAndContinueExceptionHandler;
import org.apache.kafka.streams.kstream.Consumed;
import org.apache.kafka.streams.kstream.Grouped;
import org.apache.kafka.streams.kstream.Materialized;
import org.apache.kafka.streams.state.KeyValueStore;

/**
 * The exact distinct count a Kafka Streams user would write, the peer of B1: a table by teacherId
 * that keeps the first registration ({@code groupByKey().reduce((first, again) -> first)}),
 * re-grouped by country and counted. Poison records skipped by {@code
 * LogAndContinueExceptionHandler}; the service's guarantee and commit interval. Done when every
 * country's count in its store equals the expected distinct count.
 */
public final class IdiomaticExactCount {

    static final String STORE = "distinct-teachers-per-country";

    private IdiomaticExactCount() {}

    /** Seconds from start until every country's distinct count is final. */
    public static double drain(
            String bootstrap, RegistrationLoad load, String applicationId, Guarantee guarantee)
            throws IOException {
        StreamsBuilder builder = new StreamsBuilder();
        var registrations = EventSerde.of(TeacherRegistered.class);
        builder.stream(Topics.REGISTRATIONS, Consumed.with(Serdes.String(), registrations))
                .groupByKey()
                .reduce(
                        (first, again) -> first,
                        Materialized.<String, TeacherRegistered, KeyValueStore<Bytes, byte[]>>as(
                                        "teachers-by-id")
                                .withValueSerde(registrations))
                .groupBy(
                        (teacherId, registration) ->
                                KeyValue.pair(registration.country(), registration),
                        Grouped.with(Serdes.String(), registrations))
                .count(Materialized.<String, Long, KeyValueStore<Bytes, byte[]>>as(STORE));
        Path state = Files.createTempDirectory("bench-" + applicationId);
        Properties config = CountingService.config(bootstrap, applicationId, state, guarantee);
        config.put(
                StreamsConfig.DESERIALIZATION_EXCEPTION_HANDLER_CLASS_CONFIG,
                LogAndContinueExceptionHandler.class);
        long start = System.nanoTime();
        KafkaStreams streams = new KafkaStreams(builder.build(), config);
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
}
