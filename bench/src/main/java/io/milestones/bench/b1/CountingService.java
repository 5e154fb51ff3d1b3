package io.milestones.bench.b1;

import static org.awaitility.Awaitility.await;

import io.milestones.events.ScopeType;
import io.milestones.events.Topics;
import io.milestones.milestone.counting.CountingOptions;
import io.milestones.milestone.counting.CountingTopology;
import io.milestones.milestone.counting.ScopeCount;
import io.milestones.milestone.rules.ExplicitThresholds;
import io.milestones.milestone.rules.MilestoneRules;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.ExecutionException;
import org.apache.kafka.common.serialization.StringSerializer;
import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.StoreQueryParameters;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.errors.InvalidStateStoreException;
import org.apache.kafka.streams.state.QueryableStoreTypes;
import org.apache.kafka.streams.state.ReadOnlyKeyValueStore;

/**
 * milestone-service's counting topology ({@link CountingTopology}, two-level global count) with the
 * rules and Kafka Streams settings of {@code milestone-service.yml}, as a bare {@code KafkaStreams}
 * with its own {@code application.id} and {@code state.dir}; and when its counts are final.
 */
public final class CountingService {

    /** The rules of milestone-service.yml: global and country thresholds, approaching 99 %. */
    public static final MilestoneRules RULES =
            new MilestoneRules(
                    Map.of(
                            ScopeType.GLOBAL,
                            new ExplicitThresholds(
                                    List.of(
                                            1_000L,
                                            10_000L,
                                            100_000L,
                                            250_000L,
                                            500_000L,
                                            750_000L,
                                            1_000_000L)),
                            ScopeType.COUNTRY,
                            new ExplicitThresholds(
                                    List.of(
                                            100L, 1_000L, 5_000L, 10_000L, 25_000L, 50_000L,
                                            100_000L))),
                    List.of(0.99, 0.999));

    /** How the service runs: exactly_once_v2, commit.interval.ms 30, poll.ms 10 (decision 0206). */
    public static final Guarantee PRODUCTION = new Guarantee(StreamsConfig.EXACTLY_ONCE_V2, 30, 10);

    /** The fastest setting (B2), for an unmeasured warm-up run of the JIT. */
    public static final Guarantee WARM_UP = new Guarantee(StreamsConfig.AT_LEAST_ONCE, 1000);

    /**
     * Counts the whole topic once, unmeasured, so that the measured runs find the JIT warm (the
     * first Streams run in a JVM is markedly slower); then resets the output topics.
     */
    public static void warmUp(String bootstrap, RegistrationLoad load, String applicationId)
            throws Exception {
        double seconds = drain(bootstrap, load, applicationId, WARM_UP);
        io.milestones.bench.Bench.out.printf(
                java.util.Locale.ROOT,
                "   warm-up run (%s): %.1f s, not counted%n",
                WARM_UP,
                seconds);
        BenchTopics.resetOutputs(bootstrap);
    }

    /**
     * A processing guarantee, commit interval and {@code poll.ms} (how long an idle poll of the
     * stream thread blocks; it commits and punctuates only between polls).
     */
    public record Guarantee(String processing, int commitIntervalMs, int pollMs) {
        /** With Kafka Streams' default {@code poll.ms} of 100. */
        public Guarantee(String processing, int commitIntervalMs) {
            this(processing, commitIntervalMs, 100);
        }

        @Override
        public String toString() {
            return processing
                    + ", commit "
                    + commitIntervalMs
                    + " ms"
                    + (pollMs == 100 ? "" : ", poll " + pollMs + " ms");
        }
    }

    private CountingService() {}

    /** Starts the service topology from the beginning of {@code registrations}. */
    public static KafkaStreams start(
            String bootstrap, String applicationId, Path stateDir, Guarantee guarantee) {
        return start(bootstrap, applicationId, stateDir, guarantee, CountingOptions.DEFAULTS);
    }

    /** Starts the service topology with these counting options. */
    public static KafkaStreams start(
            String bootstrap,
            String applicationId,
            Path stateDir,
            Guarantee guarantee,
            CountingOptions options) {
        var topology =
                new CountingTopology(RULES, Clock.systemUTC(), "/milestone-service", options)
                        .build();
        KafkaStreams streams =
                new KafkaStreams(topology, config(bootstrap, applicationId, stateDir, guarantee));
        streams.start();
        return streams;
    }

    /** The properties milestone-service gives Kafka Streams (spring.kafka.streams.*). */
    public static Properties config(
            String bootstrap, String applicationId, Path stateDir, Guarantee guarantee) {
        Properties config = new Properties();
        config.put(StreamsConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
        config.put(StreamsConfig.APPLICATION_ID_CONFIG, applicationId);
        config.put(StreamsConfig.STATE_DIR_CONFIG, stateDir.toString());
        config.put(StreamsConfig.REPLICATION_FACTOR_CONFIG, 1);
        config.put(StreamsConfig.PROCESSING_GUARANTEE_CONFIG, guarantee.processing());
        config.put(StreamsConfig.COMMIT_INTERVAL_MS_CONFIG, guarantee.commitIntervalMs());
        config.put(StreamsConfig.POLL_MS_CONFIG, guarantee.pollMs());
        config.put(StreamsConfig.NUM_STANDBY_REPLICAS_CONFIG, 0);
        return config;
    }

    /**
     * Counts the load from scratch under a new application id and returns the seconds from start
     * until the global count and the sum of the country counts are final.
     */
    public static double drain(
            String bootstrap, RegistrationLoad load, String applicationId, Guarantee guarantee)
            throws IOException {
        Path state = Files.createTempDirectory("bench-" + applicationId);
        long start = System.nanoTime();
        KafkaStreams streams = start(bootstrap, applicationId, state, guarantee);
        try (var progress = new Progress("teachers counted", () -> globalCount(streams), 10)) {
            await().atMost(Duration.ofMinutes(30))
                    .pollInterval(Duration.ofMillis(20))
                    .until(() -> isFinal(streams, load.teachers));
            return (System.nanoTime() - start) / 1e9;
        } finally {
            streams.close(Duration.ofSeconds(30));
            StateDirs.delete(state);
        }
    }

    /** Seconds until the counting store was exact, and until the read API's view was too. */
    public record Drained(double counted, double published) {}

    /**
     * Counts the load from scratch and returns the seconds from start until the counting task's
     * {@code scope-counts} holds the exact global and per-country counts, and until the {@code
     * milestone-counts-view} that {@code GET /api/counts} reads holds them too.
     */
    public static Drained drainUntilPublished(
            String bootstrap,
            RegistrationLoad load,
            String applicationId,
            Guarantee guarantee,
            CountingOptions options)
            throws IOException {
        Path state = Files.createTempDirectory("bench-" + applicationId);
        long start = System.nanoTime();
        KafkaStreams streams = start(bootstrap, applicationId, state, guarantee, options);
        try (var progress = new Progress("teachers counted", () -> globalCount(streams), 10)) {
            await().atMost(Duration.ofMinutes(30))
                    .pollInterval(Duration.ofMillis(20))
                    .until(() -> exact(streams, CountingTopology.COUNTS_STORE, load));
            double counted = (System.nanoTime() - start) / 1e9;
            await().atMost(Duration.ofMinutes(5))
                    .pollInterval(Duration.ofMillis(20))
                    .until(() -> exact(streams, CountingTopology.COUNTS_VIEW, load));
            return new Drained(counted, (System.nanoTime() - start) / 1e9);
        } finally {
            streams.close(Duration.ofSeconds(30));
            StateDirs.delete(state);
        }
    }

    /** The store holds the load's exact global count and every country's exact count. */
    static boolean exact(KafkaStreams streams, String store, RegistrationLoad load) {
        try {
            ReadOnlyKeyValueStore<String, ScopeCount> counts =
                    streams.store(
                            StoreQueryParameters.fromNameAndType(
                                    store, QueryableStoreTypes.keyValueStore()));
            ScopeCount global = counts.get("global");
            if (global == null || global.count() != load.teachers) {
                return false;
            }
            for (String country : RegistrationLoad.COUNTRIES) {
                ScopeCount count = counts.get("country:" + country);
                if (count == null || count.count() != load.countryCount(country)) {
                    return false;
                }
            }
            return true;
        } catch (InvalidStateStoreException e) {
            return false;
        }
    }

    /** Every count final: global and the sum over countries equal the distinct teachers. */
    public static boolean isFinal(KafkaStreams streams, long teachers) {
        try {
            ReadOnlyKeyValueStore<String, ScopeCount> counts = counts(streams);
            ScopeCount global = counts.get("global");
            if (global == null || global.count() != teachers) {
                return false;
            }
            long countries = 0;
            try (var range = counts.prefixScan("country:", new StringSerializer())) {
                while (range.hasNext()) {
                    countries += range.next().value.count();
                }
            }
            return countries == teachers;
        } catch (InvalidStateStoreException e) {
            return false;
        }
    }

    /** The global count now, 0 while the store is not queryable. */
    public static long globalCount(KafkaStreams streams) {
        try {
            ScopeCount global = counts(streams).get("global");
            return global == null ? 0 : global.count();
        } catch (InvalidStateStoreException e) {
            return 0;
        }
    }

    /**
     * Records of {@code registrations} the application has committed as consumed (past the gate, so
     * in its {@code teachers-seen} store).
     */
    public static long consumed(String bootstrap, String applicationId) {
        try (var admin = BenchTopics.admin(bootstrap)) {
            return admin
                    .listConsumerGroupOffsets(applicationId)
                    .partitionsToOffsetAndMetadata()
                    .get()
                    .entrySet()
                    .stream()
                    .filter(e -> e.getKey().topic().equals(Topics.REGISTRATIONS))
                    .filter(e -> e.getValue() != null)
                    .mapToLong(e -> e.getValue().offset())
                    .sum();
        } catch (ExecutionException e) {
            return 0;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return 0;
        }
    }

    private static ReadOnlyKeyValueStore<String, ScopeCount> counts(KafkaStreams streams) {
        return streams.store(
                StoreQueryParameters.fromNameAndType(
                        CountingTopology.COUNTS_STORE, QueryableStoreTypes.keyValueStore()));
    }
}
