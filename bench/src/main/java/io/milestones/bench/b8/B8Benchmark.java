package io.milestones.bench.b8;

import static org.awaitility.Awaitility.await;

import io.milestones.bench.Bench;
import io.milestones.bench.Benchmark;
import io.milestones.bench.Memory;
import io.milestones.bench.Report;
import io.milestones.bench.b1.CountingService;
import io.milestones.bench.b1.Progress;
import io.milestones.bench.b1.RegistrationLoad;
import io.milestones.bench.b1.StateDirs;
import io.milestones.milestone.counting.CountingTopology;
import io.milestones.milestone.counting.MilestoneHistory;
import io.milestones.testing.EmbeddedKraftBroker;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicLong;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.KafkaStreams.CloseOptions;
import org.apache.kafka.streams.processor.StateRestoreListener;

/**
 * B8: memory of milestone-service's counting topology with many distinct teachers in state (its
 * {@code teachers-seen} store keeps one entry per teacher): RocksDB state on disk, heap after a
 * full GC and resident memory of the process, at quarters of the load; then the time to restore the
 * state from its changelogs into an empty state.dir after a restart. No reference: absolute
 * figures.
 */
public final class B8Benchmark implements Benchmark {

    static final long TARGET = 10_000_000;

    @Override
    public String id() {
        return "B8";
    }

    @Override
    public String title() {
        return "milestone-service memory with many distinct teachers in state";
    }

    @Override
    public Report run() throws Exception {
        int teachers = Bench.setting("teachers", 3_000_000);
        var load = RegistrationLoad.distinct(teachers);
        var report = new Report(this);
        try (var broker = EmbeddedKraftBroker.start()) {
            String bootstrap = broker.bootstrapServers();
            double preload = load.preload(bootstrap);

            Sample baseline = Sample.take(0, 0, null);
            print("before start", baseline);
            Path state = Files.createTempDirectory("bench-b8-");
            String app = "bench-b8";
            List<Sample> samples = new ArrayList<>();
            long start = System.nanoTime();
            KafkaStreams streams =
                    CountingService.start(bootstrap, app, state, CountingService.PRODUCTION);
            var progress =
                    new Progress(
                            "teachers counted", () -> CountingService.globalCount(streams), 10);
            for (int quarter = 1; quarter <= 4; quarter++) {
                long checkpoint = (long) teachers * quarter / 4;
                await().atMost(Duration.ofMinutes(60))
                        .pollInterval(Duration.ofMillis(100))
                        .until(() -> CountingService.consumed(bootstrap, app) >= checkpoint);
                if (quarter == 4) {
                    await().atMost(Duration.ofMinutes(5))
                            .pollInterval(Duration.ofMillis(50))
                            .until(() -> CountingService.isFinal(streams, teachers));
                }
                double seconds = (System.nanoTime() - start) / 1e9;
                Sample sample =
                        Sample.take(CountingService.consumed(bootstrap, app), seconds, state);
                samples.add(sample);
                print("in state", sample);
            }
            progress.close();
            double counting = samples.get(3).seconds();
            streams.close(new CloseOptions().leaveGroup(true).timeout(Duration.ofSeconds(60)));
            long closedBytes = StateDirs.bytes(state);
            Bench.out.printf(Locale.ROOT, "   state.dir after close: %s%n", Memory.mb(closedBytes));
            StateDirs.delete(state);

            Restore restore = restore(bootstrap, app, teachers);
            long peak = ProcessMemory.peakRss();

            Sample last = samples.get(3);
            double perTeacherDisk = (double) closedBytes / teachers;
            double perTeacherHeap =
                    (double) (last.heapAfterGc() - baseline.heapAfterGc()) / teachers;
            double perTeacherRss = (double) (last.rss() - baseline.rss()) / teachers;

            report.setup(
                    load
                            + "; preloaded in "
                            + Report.decimal(preload)
                            + " s, then counted"
                            + " by the service topology ("
                            + CountingService.PRODUCTION
                            + ", one stream thread, RocksDB defaults of Kafka Streams) in "
                            + Report.decimal(counting)
                            + " s ("
                            + Report.number(teachers / counting)
                            + " teachers/s)");
            report.setup(
                    "one JVM (-Xmx3g, G1) holds the embedded broker, the producer (closed"
                            + " before the start) and the Streams app: the first row is the"
                            + " process before the Streams app starts, Δ columns are what the"
                            + " Streams app adds");
            if (teachers < TARGET) {
                report.setup(
                        "**"
                                + Report.number(teachers)
                                + " teachers, not "
                                + Report.number(TARGET)
                                + "**: at this rate 10 M would take "
                                + Report.number(TARGET / (teachers / counting) / 60)
                                + " min of counting alone (plus preload and restore), beyond the"
                                + " few minutes a benchmark may take; the 10 M row extrapolates the"
                                + " disk linearly (`-Dbench.teachers=10000000` measures it)");
            }
            report.columns(
                    "teachers in state",
                    "after s",
                    "state.dir on disk",
                    "heap after GC",
                    "Δ heap",
                    "RSS",
                    "Δ RSS");
            row(report, baseline, baseline);
            samples.forEach(s -> row(report, s, baseline));
            if (teachers < TARGET) {
                report.row(
                        "**10,000,000 (extrapolated ×"
                                + Report.decimal((double) TARGET / teachers)
                                + ")**",
                        "",
                        Memory.mb((long) (perTeacherDisk * TARGET)),
                        "",
                        "not proportional",
                        "",
                        "bounded (see below)");
            }
            report.note(
                    String.format(
                            Locale.ROOT,
                            "On disk the state grows with the teachers: %.0f bytes per teacher"
                                    + " (state.dir after a clean close: %s; while running, most of"
                                    + " it sits in RocksDB memtables, not yet in files). The heap"
                                    + " does not: the teachers live off-heap in RocksDB, and Δ heap"
                                    + " (%.0f bytes per teacher at the end) is Streams' record cache"
                                    + " and GC sizing. RSS grows while RocksDB's memtables and"
                                    + " block caches fill (%.0f bytes per teacher so far), but only"
                                    + " up to their per-store bounds (Kafka Streams' defaults: three"
                                    + " 16 MB write buffers and a 50 MB block cache per store, about"
                                    + " 0.6 GB for the six `teachers-seen` stores), so it is not"
                                    + " extrapolated linearly. Peak RSS of the process: %s.",
                            perTeacherDisk,
                            Memory.mb(closedBytes),
                            perTeacherHeap,
                            perTeacherRss,
                            Memory.mb(peak)));
            report.note(
                    String.format(
                            Locale.ROOT,
                            "Restore after a restart into an empty state.dir: the changelogs of"
                                    + " the counting stores (%,d records) were restored in %.1f s"
                                    + " (%,.0f records/s); RUNNING with every count final after"
                                    + " %.1f s, most of it waiting for the consumer group to let"
                                    + " the closed member go (it was closed with"
                                    + " `CloseOptions.leaveGroup(true)`, as Spring's"
                                    + " `leaveGroupOnClose` does, which in Kafka Streams 4.1"
                                    + " does not make a dynamic member leave, cf. KAFKA-16514; the"
                                    + " new instance waits for the 45 s session timeout).",
                            restore.records,
                            restore.restoring,
                            restore.records / Math.max(restore.restoring, 0.001),
                            restore.seconds));
        }
        return report;
    }

    /**
     * @param seconds from start until RUNNING with every count final
     * @param restoring from the first store's restore start to the last one's end
     */
    record Restore(double seconds, double restoring, long records) {}

    /** A new instance of the same application with an empty state.dir restores every store. */
    private static Restore restore(String bootstrap, String app, int teachers) throws Exception {
        Path state = Files.createTempDirectory("bench-b8-restore-");
        AtomicLong restored = new AtomicLong();
        AtomicLong firstStart = new AtomicLong();
        AtomicLong lastEnd = new AtomicLong();
        long start = System.nanoTime();
        KafkaStreams streams =
                new KafkaStreams(
                        new io.milestones.milestone.counting.CountingTopology(
                                        CountingService.RULES,
                                        java.time.Clock.systemUTC(),
                                        "/milestone-service",
                                        io.milestones.milestone.counting.CountingOptions.DEFAULTS)
                                .build(),
                        CountingService.config(bootstrap, app, state, CountingService.PRODUCTION));
        streams.setGlobalStateRestoreListener(
                new StateRestoreListener() {
                    @Override
                    public void onRestoreStart(
                            TopicPartition partition, String store, long from, long to) {
                        if (counted(store)) {
                            firstStart.compareAndSet(0, System.nanoTime());
                        }
                    }

                    @Override
                    public void onBatchRestored(
                            TopicPartition partition, String store, long end, long batch) {
                        if (counted(store)) {
                            restored.addAndGet(batch);
                        }
                    }

                    @Override
                    public void onRestoreEnd(TopicPartition partition, String store, long total) {
                        if (counted(store)) {
                            lastEnd.set(System.nanoTime());
                        }
                    }
                });
        streams.start();
        try {
            await().atMost(Duration.ofMinutes(30))
                    .pollInterval(Duration.ofMillis(50))
                    .until(
                            () ->
                                    streams.state() == KafkaStreams.State.RUNNING
                                            && CountingService.isFinal(streams, teachers));
            double seconds = (System.nanoTime() - start) / 1e9;
            double restoring = (lastEnd.get() - firstStart.get()) / 1e9;
            Bench.out.printf(
                    Locale.ROOT,
                    "   restored %,d records in %.1f s (first restore after %.1f s, restoring"
                            + " %.1f s)%n",
                    restored.get(),
                    seconds,
                    (firstStart.get() - start) / 1e9,
                    restoring);
            return new Restore(seconds, restoring, restored.get());
        } finally {
            streams.close(Duration.ofSeconds(30));
            StateDirs.delete(state);
        }
    }

    /** A store of the counting tasks (not one of the global read views). */
    private static boolean counted(String store) {
        return !store.equals(CountingTopology.COUNTS_VIEW) && !store.equals(MilestoneHistory.STORE);
    }

    private static void print(String what, Sample s) {
        Bench.out.printf(
                Locale.ROOT,
                "   %-12s %,11d teachers  %6.1f s  state %s  heap %s  RSS %s%n",
                what,
                s.teachers(),
                s.seconds(),
                Memory.mb(s.stateBytes()),
                Memory.mb(s.heapAfterGc()),
                Memory.mb(s.rss()));
    }

    private static void row(Report report, Sample s, Sample baseline) {
        report.row(
                s.teachers() == 0 ? "0 (before start)" : Report.number(s.teachers()),
                Report.decimal(s.seconds()),
                Memory.mb(s.stateBytes()),
                Memory.mb(s.heapAfterGc()),
                Memory.mb(s.heapAfterGc() - baseline.heapAfterGc()),
                Memory.mb(s.rss()),
                Memory.mb(s.rss() - baseline.rss()));
    }
}
