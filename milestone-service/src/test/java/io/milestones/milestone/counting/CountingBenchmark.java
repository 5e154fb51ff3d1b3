package io.milestones.milestone.counting;

import static org.awaitility.Awaitility.await;

import io.milestones.milestone.counting.CountingOptions.GlobalAggregation;
import io.milestones.testing.EmbeddedKraftBroker;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.apache.kafka.common.serialization.StringSerializer;
import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.StoreQueryParameters;
import org.apache.kafka.streams.errors.InvalidStateStoreException;
import org.apache.kafka.streams.state.QueryableStoreTypes;
import org.apache.kafka.streams.state.ReadOnlyKeyValueStore;

/**
 * Single-key versus two-level global count on the embedded broker: the same registrations (10 %
 * delivered twice) counted from scratch by each variant in turn; prints registrations per second
 * from start until every count is final. Numbers only, no assertions (docs/benchmarks.md).
 *
 * <p>{@code ./mvnw -B -q -pl milestone-service -am verify -Pbenchmark -DskipTests
 * -Dbenchmark.teachers=200000 -Dbenchmark.rounds=3}
 */
public final class CountingBenchmark {

    private static final PrintStream out = System.out;

    private CountingBenchmark() {}

    public static void main(String[] args) throws Exception {
        int teachers = Integer.getInteger("benchmark.teachers", 200_000);
        int rounds = Integer.getInteger("benchmark.rounds", 3);
        try (var broker = EmbeddedKraftBroker.start()) {
            String bootstrap = broker.bootstrapServers();
            RegistrationLoad.createTopics(bootstrap);
            var load = new RegistrationLoad(teachers, 0.10);
            load.produce(bootstrap, 0, load.size());
            out.printf(
                    Locale.ROOT,
                    "%,d records (%,d distinct teachers, 10 %% duplicates, %d poison) on %s;"
                            + " %d cores, %s, Java %s%n",
                    load.size(),
                    teachers,
                    RegistrationLoad.POISON,
                    broker.description(),
                    Runtime.getRuntime().availableProcessors(),
                    System.getProperty("os.name") + " " + System.getProperty("os.arch"),
                    System.getProperty("java.version"));
            run(bootstrap, load, GlobalAggregation.SINGLE_KEY, 0); // warm-up, not counted
            run(bootstrap, load, GlobalAggregation.TWO_LEVEL, 0);
            Map<GlobalAggregation, List<Double>> results = new EnumMap<>(GlobalAggregation.class);
            for (int round = 1; round <= rounds; round++) {
                List<GlobalAggregation> order =
                        new ArrayList<>(List.of(GlobalAggregation.values()));
                if (round % 2 == 0) {
                    Collections.reverse(order); // neither variant always runs first
                }
                for (GlobalAggregation mode : order) {
                    double perSecond = run(bootstrap, load, mode, round);
                    results.computeIfAbsent(mode, m -> new ArrayList<>()).add(perSecond);
                    out.printf(
                            Locale.ROOT,
                            "round %d  %-10s  %,8.0f registrations/s%n",
                            round,
                            mode,
                            perSecond);
                }
            }
            results.forEach(
                    (mode, values) ->
                            out.printf(
                                    Locale.ROOT,
                                    "median    %-10s  %,8.0f registrations/s%n",
                                    mode,
                                    values.stream().sorted().toList().get(values.size() / 2)));
        }
    }

    private static double run(
            String bootstrap, RegistrationLoad load, GlobalAggregation mode, int round)
            throws Exception {
        Path state = Files.createTempDirectory("counting-benchmark");
        String app = "counting-benchmark-" + mode.name().toLowerCase(Locale.ROOT) + "-" + round;
        long start = System.nanoTime();
        KafkaStreams streams = CountingApp.start(bootstrap, app, state.toString(), mode);
        try {
            await().atMost(Duration.ofMinutes(30))
                    .pollInterval(Duration.ofMillis(20))
                    .until(() -> done(streams, load.teachers));
            double seconds = (System.nanoTime() - start) / 1e9;
            return load.size() / seconds;
        } finally {
            streams.close(Duration.ofSeconds(30));
        }
    }

    /** Every count final: global and the sum over countries equal the distinct teachers. */
    private static boolean done(KafkaStreams streams, long teachers) {
        try {
            ReadOnlyKeyValueStore<String, ScopeCount> counts =
                    streams.store(
                            StoreQueryParameters.fromNameAndType(
                                    CountingTopology.COUNTS_STORE,
                                    QueryableStoreTypes.keyValueStore()));
            ScopeCount global = counts.get("global");
            long countries = 0;
            try (var range = counts.prefixScan("country:", new StringSerializer())) {
                while (range.hasNext()) {
                    countries += range.next().value.count();
                }
            }
            return global != null && global.count() == teachers && countries == teachers;
        } catch (InvalidStateStoreException e) {
            return false;
        }
    }
}
