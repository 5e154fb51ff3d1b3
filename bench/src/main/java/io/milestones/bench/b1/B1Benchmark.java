package io.milestones.bench.b1;

import io.milestones.bench.Bench;
import io.milestones.bench.Benchmark;
import io.milestones.bench.Report;
import io.milestones.milestone.counting.CountingOptions;
import io.milestones.milestone.counting.CountingOptions.GlobalAggregation;
import io.milestones.testing.EmbeddedKraftBroker;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * B1: milestone-service's counting topology (production settings, exactly_once_v2) drains a
 * preloaded {@code registrations} topic, beside a raw {@code KafkaConsumer} poll loop over the same
 * topic (bytes only, and deserializing + counting in memory) and beside an idiomatic Kafka Streams
 * {@code groupBy(country).count()}. Each measured from start until its counts are final.
 */
public final class B1Benchmark implements Benchmark {

    /** What a JFR profile of the service topology showed (docs/benchmarks.md, B1). */
    static final String BOTTLENECK =
            "What bounds it (issue 15, decision 0205): before 0205 every distinct registration"
                    + " became a repartitioned increment per country (a produce to `by-scope`, a"
                    + " poll, a `get` and `put` of the count, two history buckets); now each input"
                    + " task forwards one sum per scope and flush interval. What remains per record:"
                    + " the JSON read of each registration in `RegistrationGate` and its"
                    + " `putIfAbsent` in `teachers-seen` (which the floor also pays, without JSON),"
                    + " one cached `put` per scope to `global-pending`, and the sums' member lists on"
                    + " `by-scope`. At small sizes Streams' startup (group join, transactional"
                    + " producers, internal topics) weighs on every Streams variant.";

    @Override
    public String id() {
        return "B1";
    }

    @Override
    public String title() {
        return "milestone-service drains preloaded registrations vs Kafka Streams' exact distinct"
                + " count, the exactness floor, a raw consumer and groupBy(country).count()";
    }

    @Override
    public Report run() throws Exception {
        int records = Bench.setting("records", 1_000_000);
        int rounds = Bench.setting("b1.rounds", 1);
        // also the service as before decision 0205: only the global scope summed per task
        boolean twoLevel = Boolean.getBoolean("bench.b1.two-level");
        var load = RegistrationLoad.withDuplicates(records, 0.10, 7);
        var report = new Report(this);
        try (var broker = EmbeddedKraftBroker.start()) {
            String bootstrap = broker.bootstrapServers();
            double preload = load.preload(bootstrap);

            CountingService.warmUp(bootstrap, load, "bench-b1-warm-up");
            // -Dbench.b1.commit-ms / -Dbench.b1.flush-ms / -Dbench.b1.poll-ms: the latency dial of
            // B5 (issue 15, decision 0206), priced here
            var production = CountingService.PRODUCTION;
            var g =
                    new CountingService.Guarantee(
                            production.processing(),
                            Bench.setting("b1.commit-ms", production.commitIntervalMs()),
                            Bench.setting("b1.poll-ms", production.pollMs()));
            var defaults = CountingOptions.DEFAULTS;
            var options =
                    new CountingOptions(
                            defaults.globalAggregation(),
                            java.time.Duration.ofMillis(
                                    Bench.setting(
                                            "b1.flush-ms",
                                            (int) defaults.flushInterval().toMillis())),
                            defaults.publishInterval(),
                            defaults.internalValues(),
                            defaults.hourlyHistory());
            Map<String, List<Double>> seconds = new LinkedHashMap<>();
            List<String> ratios = new ArrayList<>();
            for (int round = 1; round <= rounds; round++) {
                String r = "-" + round;
                measure(seconds, BYTES, load, () -> RawDrain.drain(bootstrap, load, false));
                measure(seconds, RAW, load, () -> RawDrain.drain(bootstrap, load, true));
                measure(
                        seconds,
                        PLAIN,
                        load,
                        () -> IdiomaticCount.drain(bootstrap, load, "bench-b1-plain" + r, g));
                measure(
                        seconds,
                        PEER,
                        load,
                        () -> IdiomaticExactCount.drain(bootstrap, load, "bench-b1-exact" + r, g));
                measure(
                        seconds,
                        FLOOR,
                        load,
                        () -> ExactnessFloor.drain(bootstrap, load, "bench-b1-floor" + r, g));
                if (twoLevel) {
                    var before =
                            CountingService.drainUntilPublished(
                                    bootstrap,
                                    load,
                                    "bench-b1-two-level" + r,
                                    g,
                                    options.with(GlobalAggregation.TWO_LEVEL));
                    BenchTopics.resetOutputs(bootstrap);
                    record(seconds, TWO_LEVEL, load, before.counted());
                }
                var service =
                        CountingService.drainUntilPublished(
                                bootstrap, load, "bench-b1-service" + r, g, options);
                BenchTopics.resetOutputs(bootstrap);
                record(seconds, SERVICE, load, service.counted());
                record(seconds, SERVICE_VIEW, load, service.published());
                ratios.add(
                        String.format(
                                Locale.ROOT,
                                "round %d: service %s of the exact peer, %s of the raw consumer,"
                                        + " %s of the floor",
                                round,
                                Report.ratio(last(seconds, PEER), service.counted()),
                                Report.ratio(last(seconds, RAW), service.counted()),
                                Report.ratio(last(seconds, FLOOR), service.counted())));
                Bench.out.println("   " + ratios.get(ratios.size() - 1));
            }

            report.setup(
                    load
                            + "; preloaded once ("
                            + Report.decimal(preload)
                            + " s), then each"
                            + " variant reads it from the beginning, after one unmeasured warm-up run of the"
                            + " service topology (at_least_once) for the JIT; "
                            + rounds
                            + (rounds == 1
                                    ? " round"
                                    : " rounds, each variant once per round in the order of the table; the table shows each variant's median"));
            report.setup(
                    "broker: embedded KRaft broker (test-support), in the benchmark's JVM; one stream thread per Streams app;"
                            + " Streams variants: "
                            + g
                            + ", partial sums flushed every "
                            + options.flushInterval().toMillis()
                            + " ms"
                            + (g.equals(production) && options.equals(defaults)
                                    ? " (milestone-service.yml)"
                                    : " (-Dbench.b1.commit-ms / -Dbench.b1.flush-ms; milestone-service.yml: "
                                            + production.commitIntervalMs()
                                            + " and "
                                            + defaults.flushInterval().toMillis()
                                            + " ms)")
                            + ", each under a new application.id and state.dir");
            report.setup(
                    "done = the final counts are readable and exact: every country's distinct count"
                            + " (and for the service the global count) in the variant's store by"
                            + " interactive query — the service's `scope-counts`, then the"
                            + " `milestone-counts-view` that `GET /api/counts` reads; the peer's and"
                            + " the floor's count stores (the floor's summed over its tasks); the"
                            + " plain count's store sums to every valid registration (it counts"
                            + " re-deliveries); the raw consumers have read every record");
            report.columns("variant", "seconds", "events/s", "vs exact peer", "vs raw consumer");
            double peerRate = load.records / median(seconds.get(PEER));
            double rawRate = load.records / median(seconds.get(RAW));
            for (var entry : seconds.entrySet()) {
                double s = median(entry.getValue());
                double rate = load.records / s;
                report.row(
                        entry.getKey(),
                        Report.decimal(s),
                        Report.number(rate),
                        Report.ratio(rate, peerRate),
                        Report.ratio(rate, rawRate));
            }
            double service = median(seconds.get(SERVICE));
            report.note(
                    String.format(
                            Locale.ROOT,
                            "The service's counts are exact and readable at %s the rate of Kafka"
                                    + " Streams' own exact distinct count (goal ≥ 1.5×), %s the raw"
                                    + " consumer that de-duplicates and counts in memory (goal ≥"
                                    + " 0.5×) and %s the exactness floor (medians). %s.",
                            Report.ratio(median(seconds.get(PEER)), service),
                            Report.ratio(median(seconds.get(RAW)), service),
                            Report.ratio(median(seconds.get(FLOOR)), service),
                            String.join("; ", ratios)));
            report.note(BOTTLENECK);
        }
        return report;
    }

    static final String BYTES = "raw `KafkaConsumer`, bytes only";
    static final String RAW = "raw `KafkaConsumer`, deserialized + de-duplicated + counted";
    static final String PLAIN =
            "Kafka Streams `groupBy(country).count()` (not exact: counts re-deliveries)";
    static final String PEER =
            "Kafka Streams exact distinct count `groupByKey().reduce(first).groupBy(country).count()` (peer)";
    static final String FLOOR =
            "exactness floor: `putIfAbsent` + per-task counts, no repartition, no JSON";
    static final String TWO_LEVEL =
            "milestone-service topology, `global-aggregation: two-level` (before 0205), `scope-counts` exact";
    static final String SERVICE = "milestone-service topology, `scope-counts` exact";
    static final String SERVICE_VIEW = "milestone-service topology, `GET /api/counts` view exact";

    /** One measured drain. */
    interface Drain {
        double seconds() throws Exception;
    }

    private static void measure(
            Map<String, List<Double>> seconds, String variant, RegistrationLoad load, Drain drain)
            throws Exception {
        record(seconds, variant, load, drain.seconds());
    }

    private static void record(
            Map<String, List<Double>> seconds, String variant, RegistrationLoad load, double s) {
        seconds.computeIfAbsent(variant, v -> new ArrayList<>()).add(s);
        print(variant, s, load);
    }

    private static double last(Map<String, List<Double>> seconds, String variant) {
        List<Double> list = seconds.get(variant);
        return list.get(list.size() - 1);
    }

    private static double median(List<Double> values) {
        List<Double> sorted = new ArrayList<>(values);
        Collections.sort(sorted);
        int n = sorted.size();
        return n % 2 == 1 ? sorted.get(n / 2) : (sorted.get(n / 2 - 1) + sorted.get(n / 2)) / 2;
    }

    private static void print(String variant, double seconds, RegistrationLoad load) {
        Bench.out.printf(
                Locale.ROOT,
                "   %-60.60s %7.1f s  %,10.0f events/s%n",
                variant,
                seconds,
                load.records / seconds);
    }
}
