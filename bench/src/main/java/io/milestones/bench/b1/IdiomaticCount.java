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
import org.apache.kafka.streams.StoreQueryParameters;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.errors.InvalidStateStoreException;
import org.apache.kafka.streams.errors.LogAndContinueExceptionHandler;
import org.apache.kafka.streams.kstream.Consumed;
import org.apache.kafka.streams.kstream.Grouped;
import org.apache.kafka.streams.kstream.Materialized;
import org.apache.kafka.streams.state.KeyValueStore;
import org.apache.kafka.streams.state.QueryableStoreTypes;

/**
 * The textbook Kafka Streams count, a reference for B1: {@code stream(registrations)
 * .groupBy(country).count()} with the event serde, poison records skipped by {@code
 * LogAndContinueExceptionHandler}, under the service's guarantee and commit interval. It counts
 * registrations (re-deliveries included), one dimension, no milestones: less work than the service.
 */
public final class IdiomaticCount {

    static final String STORE = "registrations-per-country";

    private IdiomaticCount() {}

    /** Seconds from start until the per-country counts add up to every valid registration. */
    public static double drain(
            String bootstrap, RegistrationLoad load, String applicationId, Guarantee guarantee)
            throws IOException {
        StreamsBuilder builder = new StreamsBuilder();
        var registrations = EventSerde.of(TeacherRegistered.class);
        builder.stream(Topics.REGISTRATIONS, Consumed.with(Serdes.String(), registrations))
                .groupBy(
                        (teacherId, registration) -> registration.country(),
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
                    .until(() -> counted(streams) == load.registrations());
            return (System.nanoTime() - start) / 1e9;
        } finally {
            streams.close(Duration.ofSeconds(30));
            StateDirs.delete(state);
        }
    }

    private static long counted(KafkaStreams streams) {
        try {
            long sum = 0;
            try (var all =
                    streams.store(
                                    StoreQueryParameters.fromNameAndType(
                                            STORE,
                                            QueryableStoreTypes.<String, Long>keyValueStore()))
                            .all()) {
                while (all.hasNext()) {
                    sum += all.next().value;
                }
            }
            return sum;
        } catch (InvalidStateStoreException e) {
            return 0;
        }
    }
}
