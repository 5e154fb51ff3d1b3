package io.milestones.milestone.counting;

import static org.assertj.core.api.Assertions.assertThat;

import io.milestones.events.EventSerde;
import io.milestones.events.Topics;
import io.milestones.milestone.counting.HistoryBucket.Granularity;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;

/**
 * Benchmark B10 (docs/benchmarks.md): ten years of daily history of one scope, read back as {@code
 * GET /api/public/stats/history} reads it, from the RocksDB global store. Not part of the test
 * suite (filling the store takes about half a minute); run it with {@code ./mvnw -q -pl
 * milestone-service -am verify -Dtest=CountHistoryBenchmark -Dit.test=None
 * -Dsurefire.failIfNoSpecifiedTests=false -Dfailsafe.failIfNoSpecifiedTests=false}.
 */
class CountHistoryBenchmark {

    static final Instant FIRST = Instant.parse("2012-01-01T00:00:00Z");
    static final int DAYS = 3653;

    @Test
    void shouldSumTenYearsOfDaysQuickly() {
        try (var topology = new TopologyFixture(CountHistoryTopologyTest.RULES)) {
            var input =
                    topology.driver.createInputTopic(
                            Topics.MILESTONE_COUNT_HISTORY,
                            new StringSerializer(),
                            EventSerde.plain(HistoryBucket.class).serializer());
            long expected = 0;
            for (int day = 0; day < DAYS; day++) {
                Instant start = FIRST.plus(Duration.ofDays(day));
                input.pipeInput(
                        HistoryBucket.key("global", Granularity.DAY, start),
                        new HistoryBucket("global", Granularity.DAY, start, 100 + day % 7));
                expected += 100 + day % 7;
            }
            var history =
                    new CountHistory(
                            topology.driver.getKeyValueStore(CountingTopology.HISTORY_VIEW));
            Instant last = FIRST.plus(Duration.ofDays(DAYS - 1));

            long[] nanos = new long[30];
            for (int i = 0; i < nanos.length; i++) {
                long start = System.nanoTime();
                var points = history.series("global", Granularity.DAY, FIRST, last);
                nanos[i] = System.nanoTime() - start;
                assertThat(points).hasSize(DAYS);
                assertThat(points.get(points.size() - 1).count()).isEqualTo(expected);
            }
            // a window at the end still sums the nine years before it
            var lastYear =
                    history.series(
                            "global", Granularity.DAY, last.minus(Duration.ofDays(364)), last);
            assertThat(lastYear).hasSize(365);
            assertThat(lastYear.get(lastYear.size() - 1).count()).isEqualTo(expected);

            Arrays.sort(nanos);
            System.out.printf(
                    "B10 history of %d days: median %.2f ms, max %.2f ms%n",
                    DAYS, nanos[nanos.length / 2] / 1e6, nanos[nanos.length - 1] / 1e6);
        }
    }
}
