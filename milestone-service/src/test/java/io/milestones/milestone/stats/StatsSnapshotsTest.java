package io.milestones.milestone.stats;

import static org.assertj.core.api.Assertions.assertThat;

import io.milestones.milestone.stats.StatsSnapshot.ScopeStats;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

class StatsSnapshotsTest {

    final StatsSnapshots snapshots =
            new StatsSnapshots(
                    Clock.fixed(Instant.parse("2021-12-03T10:00:00Z"), ZoneOffset.UTC),
                    JsonMapper.builder().build());

    static StatsSnapshot counting(long count) {
        return new StatsSnapshot(
                true,
                new ScopeStats("global", null, count, null, 1000L, 1000 - count, null, null),
                List.of(),
                List.of());
    }

    @Test
    void shouldReportAChangeOnlyWhenTheNumbersChange() {
        assertThat(snapshots.update(counting(5))).isTrue();
        assertThat(snapshots.update(counting(5))).isFalse();
        assertThat(snapshots.update(counting(5).withLive(false))).isTrue();
        assertThat(snapshots.update(counting(6).withLive(true))).isTrue();
    }

    @Test
    void shouldSerializeEachViewOncePerSnapshotHoweverManyReaders() {
        snapshots.update(counting(5));
        AtomicInteger built = new AtomicInteger();
        var current = snapshots.current();
        var first = snapshots.json(current, "community", c -> built.incrementAndGet());
        for (int reader = 0; reader < 100; reader++) {
            assertThat(snapshots.json(current, "community", c -> built.incrementAndGet()))
                    .isSameAs(first);
        }
        assertThat(built).hasValue(1);

        snapshots.update(counting(6));
        var next = snapshots.json(snapshots.current(), "community", c -> c.snapshot().global());
        assertThat(next.body()).containsPattern("\"count\":6\\b");
        assertThat(next.etag()).isNotEqualTo(first.etag()).matches("\"[0-9a-f]{24}\"");
    }

    @Test
    void shouldMeasureProgressFromTheLastMilestoneToTheNext() {
        assertThat(
                        StatsFormat.percent(
                                new ScopeStats(
                                        "global", null, 1230, 1225L, 1250L, 20L, null, null)))
                .isEqualTo(20);
        assertThat(
                        StatsFormat.percent(
                                new ScopeStats("global", null, 40, null, 100L, 60L, null, null)))
                .isEqualTo(40);
        assertThat(
                        StatsFormat.percent(
                                new ScopeStats("global", null, 40, 10L, null, null, null, null)))
                .isEqualTo(100);
    }
}
