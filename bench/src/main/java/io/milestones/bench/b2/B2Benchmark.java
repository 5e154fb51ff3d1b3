package io.milestones.bench.b2;

import io.milestones.bench.Bench;
import io.milestones.bench.Benchmark;
import io.milestones.bench.Report;
import io.milestones.bench.b1.BenchTopics;
import io.milestones.bench.b1.CountingService;
import io.milestones.bench.b1.CountingService.Guarantee;
import io.milestones.bench.b1.RegistrationLoad;
import io.milestones.testing.EmbeddedKraftBroker;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.apache.kafka.streams.StreamsConfig;

/**
 * B2: milestone-service's counting topology draining the same preloaded registrations under {@code
 * exactly_once_v2} and {@code at_least_once}, each with {@code commit.interval.ms} 30 ({@code
 * poll.ms} 10) and 1000; compared with each other (the service runs exactly_once_v2 / 30 ms / 10
 * ms, decision 0206).
 */
public final class B2Benchmark implements Benchmark {

    /** Where the difference goes (docs/benchmarks.md, B2). */
    static final String FINDING =
            "With the commits of decision 0206 (30 ms, for B5's latency) the interval is the"
                    + " dial: a commit flushes the producer and the stores and commits the offsets"
                    + " whatever the guarantee (under exactly-once as a transaction), 33 times a"
                    + " second at 30 ms, and 1 s commits run 1.6× as fast under exactly_once_v2"
                    + " (1.7× under at_least_once). At 30 ms the guarantee itself costs about a"
                    + " tenth (at_least_once 1.11×); measured at 100 ms (2026-11-28) each"
                    + " exactly_once_v2 row was within 4 % of the at_least_once row and 1 s commits"
                    + " gained 15–18 %. Single runs of one setting vary by about ±15 % on this"
                    + " machine.";

    static final List<Guarantee> VARIANTS =
            List.of(
                    CountingService.PRODUCTION,
                    new Guarantee(StreamsConfig.EXACTLY_ONCE_V2, 1000),
                    new Guarantee(
                            StreamsConfig.AT_LEAST_ONCE,
                            CountingService.PRODUCTION.commitIntervalMs(),
                            CountingService.PRODUCTION.pollMs()),
                    new Guarantee(StreamsConfig.AT_LEAST_ONCE, 1000));

    @Override
    public String id() {
        return "B2";
    }

    @Override
    public String title() {
        return "milestone-service: exactly_once_v2 vs at_least_once, commit interval 30 ms and 1 s";
    }

    @Override
    public Report run() throws Exception {
        int records = Bench.setting("records", 1_000_000);
        var load = RegistrationLoad.withDuplicates(records, 0.10, 7);
        var report = new Report(this);
        try (var broker = EmbeddedKraftBroker.start()) {
            String bootstrap = broker.bootstrapServers();
            load.preload(bootstrap);
            List<Double> seconds = new ArrayList<>();
            CountingService.warmUp(bootstrap, load, "bench-b2-warm-up");
            int run = 0;
            for (Guarantee variant : VARIANTS) {
                if (run > 0) {
                    BenchTopics.resetOutputs(bootstrap); // no milestone history from a prior run
                }
                String app = "bench-b2-" + run++;
                double s = CountingService.drain(bootstrap, load, app, variant);
                seconds.add(s);
                Bench.out.printf(
                        Locale.ROOT,
                        "   %-40s %7.1f s  %,10.0f events/s%n",
                        variant,
                        s,
                        load.records / s);
            }
            double production = load.records / seconds.get(0);
            report.setup(
                    load
                            + "; preloaded once, then the service topology counts it from the"
                            + " beginning under each setting in turn (new application.id and"
                            + " state.dir each), after one unmeasured warm-up run (at_least_once)"
                            + " for the JIT");
            report.setup(
                    "broker: embedded KRaft broker (test-support), in the benchmark's JVM; one"
                            + " stream thread; done = global count and sum of the country counts"
                            + " final in the `scope-counts` store");
            report.columns(
                    "processing.guarantee",
                    "commit.interval.ms",
                    "seconds",
                    "events/s",
                    "vs production (" + CountingService.PRODUCTION + ")");
            for (int i = 0; i < VARIANTS.size(); i++) {
                double rate = load.records / seconds.get(i);
                report.row(
                        "`" + VARIANTS.get(i).processing() + "`",
                        String.valueOf(VARIANTS.get(i).commitIntervalMs()),
                        Report.decimal(seconds.get(i)),
                        Report.number(rate),
                        Report.ratio(rate, production));
            }
            report.note(
                    String.format(
                            Locale.ROOT,
                            "Against the production setting (%s):"
                                    + " exactly_once_v2 with 1 s commits %s, at_least_once with"
                                    + " the same interval %s, at_least_once with 1 s %s. %s",
                            CountingService.PRODUCTION,
                            Report.ratio(seconds.get(0), seconds.get(1)),
                            Report.ratio(seconds.get(0), seconds.get(2)),
                            Report.ratio(seconds.get(0), seconds.get(3)),
                            FINDING));
        }
        return report;
    }
}
