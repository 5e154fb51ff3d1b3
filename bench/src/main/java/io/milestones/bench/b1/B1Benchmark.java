package io.milestones.bench.b1;

import io.milestones.bench.Bench;
import io.milestones.bench.Benchmark;
import io.milestones.bench.Report;
import io.milestones.testing.EmbeddedKraftBroker;
import java.util.Locale;

/**
 * B1: milestone-service's counting topology (production settings, exactly_once_v2) drains a
 * preloaded {@code registrations} topic, beside a raw {@code KafkaConsumer} poll loop over the same
 * topic (bytes only, and deserializing + counting in memory) and beside an idiomatic Kafka Streams
 * {@code groupBy(country).count()}. Each measured from start until its counts are final.
 */
public final class B1Benchmark implements Benchmark {

    /** What a JFR profile of the service topology showed (docs/benchmarks.md, B1). */
    static final String BOTTLENECK =
            "Bottleneck (JFR, `settings=profile`, execution samples of the service's stream "
                    + "thread in a full-size run, with the binary internal values of decision 0203): "
                    + "Jackson is down to the one read of each registration in `RegistrationGate` (14 "
                    + "%, `Instant` parsing 5 %). The binary values of the stores and of the `by-scope` "
                    + "topic take 18 %: reads 11 %, mostly `ScopeCountSerde.read` rebuilding the hourly "
                    + "`TreeMap` (up to 24 buckets) on every `get` of the cached `scope-counts` (8 %), "
                    + "writes 7 %. Counting itself is small (`ScopeCounter.approaching` 5 %, "
                    + "`EventRate.add` 4 %); the rest is Kafka Streams' per-record work: producing to "
                    + "changelogs and the repartition topic (14 %), polling (8 %), metrics, and "
                    + "`lastHeader` lookups that decode every header key (`RecordHeader.key` 6 %). "
                    + "RocksDB stays under 1 %. The raw consumer does one JSON read per record and "
                    + "nothing else; the idiomatic count one read and one write. Before the binary "
                    + "values about half of the stream thread was Jackson: store values parsed again on "
                    + "each `get` (16 %), each repartitioned increment, store `put` and partial sum of "
                    + "up to 1,000 members written (19 %, `Instant` formatting 7 %).";

    @Override
    public String id() {
        return "B1";
    }

    @Override
    public String title() {
        return "milestone-service drains preloaded registrations vs a raw consumer and"
                + " groupBy(country).count()";
    }

    @Override
    public Report run() throws Exception {
        int records = Bench.setting("records", 1_000_000);
        var load = RegistrationLoad.withDuplicates(records, 0.10, 7);
        var report = new Report(this);
        try (var broker = EmbeddedKraftBroker.start()) {
            String bootstrap = broker.bootstrapServers();
            double preload = load.preload(bootstrap);

            CountingService.warmUp(bootstrap, load, "bench-b1-warm-up");
            double bytesOnly = RawDrain.drain(bootstrap, load, false);
            print("raw consumer, bytes only", bytesOnly, load);
            double raw = RawDrain.drain(bootstrap, load, true);
            print("raw consumer, deserialized + counted", raw, load);
            double idiomatic =
                    IdiomaticCount.drain(
                            bootstrap, load, "bench-b1-idiomatic", CountingService.PRODUCTION);
            print("groupBy(country).count()", idiomatic, load);
            double service =
                    CountingService.drain(
                            bootstrap, load, "bench-b1-service", CountingService.PRODUCTION);
            print("milestone-service topology", service, load);

            double rawRate = load.records / raw;
            report.setup(
                    load
                            + "; preloaded once ("
                            + Report.decimal(preload)
                            + " s), then each"
                            + " variant reads it from the beginning, after one unmeasured warm-up run of the"
                            + " service topology (at_least_once) for the JIT");
            report.setup(
                    "broker: embedded KRaft broker (test-support), in the benchmark's JVM; one stream thread per Streams app;"
                            + " Streams variants: "
                            + CountingService.PRODUCTION
                            + " (milestone-service.yml)");
            report.setup(
                    "done = counts final: the service's `scope-counts` store (interactive"
                            + " query) has global and the sum of countries = distinct teachers;"
                            + " the count's store sums to every valid registration; the consumer"
                            + " has read every record");
            report.columns("variant", "seconds", "events/s", "vs raw consumer");
            row(report, "raw `KafkaConsumer`, bytes only", bytesOnly, load, rawRate);
            row(
                    report,
                    "raw `KafkaConsumer`, deserialized + de-duplicated + counted (reference)",
                    raw,
                    load,
                    rawRate);
            row(report, "Kafka Streams `groupBy(country).count()`", idiomatic, load, rawRate);
            row(report, "milestone-service topology", service, load, rawRate);
            report.note(
                    String.format(
                            Locale.ROOT,
                            "The service topology drains at %s the raw consumer that deserializes"
                                    + " and counts the same records in memory (%s the bytes-only"
                                    + " loop) and at %s the idiomatic `groupBy(country).count()`"
                                    + " under the same guarantee, which counts one dimension and"
                                    + " keeps no per-teacher state.",
                            Report.ratio(load.records / service, rawRate),
                            Report.ratio(load.records / service, load.records / bytesOnly),
                            Report.ratio(idiomatic, service)));
            report.note(BOTTLENECK);
        }
        return report;
    }

    private static void print(String variant, double seconds, RegistrationLoad load) {
        Bench.out.printf(
                Locale.ROOT,
                "   %-40s %7.1f s  %,10.0f events/s%n",
                variant,
                seconds,
                load.records / seconds);
    }

    private static void row(
            Report report, String variant, double seconds, RegistrationLoad load, double rawRate) {
        double rate = load.records / seconds;
        report.row(
                variant, Report.decimal(seconds), Report.number(rate), Report.ratio(rate, rawRate));
    }
}
