package io.milestones.milestone.counting;

import static org.assertj.core.api.Assertions.assertThat;

import io.milestones.events.ScopeType;
import io.milestones.milestone.counting.CountHistory.Point;
import io.milestones.milestone.counting.CountingOptions.GlobalAggregation;
import io.milestones.milestone.counting.HistoryBucket.Granularity;
import io.milestones.milestone.rules.ExplicitThresholds;
import io.milestones.milestone.rules.MilestoneRules;
import io.milestones.testing.TestClock;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** The count history: per day and hour of event time, as every instance reads it back. */
class CountHistoryTopologyTest {

    static final MilestoneRules RULES =
            new MilestoneRules(
                    Map.of(
                            ScopeType.GLOBAL, new ExplicitThresholds(List.of(1000L)),
                            ScopeType.COUNTRY, new ExplicitThresholds(List.of(100L))),
                    List.of());

    static final CountingOptions SINGLE_KEY =
            CountingOptions.DEFAULTS.with(GlobalAggregation.SINGLE_KEY);

    @Test
    void shouldCountEachScopePerDayOfEventTime() {
        try (var topology = new TopologyFixture(RULES)) {
            topology.register("t-1", "IT", Instant.parse("2021-12-01T10:00:00Z"));
            topology.register("t-2", "IT", Instant.parse("2021-12-01T23:59:59Z"));
            topology.register("t-1", "IT", Instant.parse("2021-12-02T10:00:00Z")); // again: once
            topology.register("t-3", "FR", Instant.parse("2021-12-03T00:00:00Z"));
            topology.tick();

            assertThat(published(topology))
                    .containsExactlyInAnyOrderEntriesOf(
                            Map.of(
                                    "global|day|2021-12-01", 2L,
                                    "global|day|2021-12-03", 1L,
                                    "country:IT|day|2021-12-01", 2L,
                                    "country:FR|day|2021-12-03", 1L,
                                    "global|hour|2021-12-01T10", 1L,
                                    "global|hour|2021-12-01T23", 1L,
                                    "global|hour|2021-12-03T00", 1L,
                                    "country:IT|hour|2021-12-01T10", 1L,
                                    "country:IT|hour|2021-12-01T23", 1L,
                                    "country:FR|hour|2021-12-03T00", 1L));
            assertThat(counts(topology, "global", Granularity.DAY, "2021-11-30", "2021-12-03"))
                    .containsExactly(0L, 2L, 2L, 3L);
            assertThat(counts(topology, "country:IT", Granularity.DAY, "2021-12-02", "2021-12-03"))
                    .containsExactly(2L, 2L);
        }
    }

    @Test
    void shouldCountTheLastDaysPerHour() {
        try (var topology = new TopologyFixture(RULES)) {
            topology.register("t-1", "IT", Instant.parse("2021-12-02T18:30:00Z"));
            topology.register("t-2", "IT", Instant.parse("2021-12-03T09:15:00Z"));
            topology.register("t-3", "FR", Instant.parse("2021-12-03T09:45:00Z"));
            topology.register("t-4", "FR", Instant.parse("2021-12-03T11:05:00Z"));
            topology.tick();

            var series =
                    new CountHistory(
                                    topology.driver.getKeyValueStore(CountingTopology.HISTORY_VIEW))
                            .series(
                                    "global",
                                    Granularity.HOUR,
                                    Instant.parse("2021-12-03T08:00:00Z"),
                                    Instant.parse("2021-12-03T11:59:59Z"));
            assertThat(series)
                    .containsExactly(
                            new Point(Instant.parse("2021-12-03T08:00:00Z"), 1),
                            new Point(Instant.parse("2021-12-03T09:00:00Z"), 3),
                            new Point(Instant.parse("2021-12-03T10:00:00Z"), 3),
                            new Point(Instant.parse("2021-12-03T11:00:00Z"), 4));
        }
    }

    @Test
    @DisplayName("imported registrations count in the days of their original time, not today")
    void shouldDateBaselineRegistrationsByTheirOwnTime() {
        try (var topology = new TopologyFixture(RULES)) {
            topology.send("b-1", baseline("b-1", "2015-03-10T08:00:00Z"));
            topology.send("b-2", baseline("b-2", "2015-03-10T09:00:00Z"));
            topology.send("b-3", baseline("b-3", "2018-06-01T12:00:00Z"));
            topology.register("t-1", "IT");
            topology.tick();

            Map<String, Long> published = published(topology);
            assertThat(published)
                    .containsEntry("global|day|2015-03-10", 2L)
                    .containsEntry("global|day|2018-06-01", 1L)
                    .containsEntry("global|day|2021-12-03", 1L)
                    .doesNotContainKey("global|hour|2015-03-10T08") // older than the hours kept
                    .containsEntry("global|hour|2021-12-03T11", 1L);
            assertThat(counts(topology, "global", Granularity.DAY, "2015-03-09", "2015-03-11"))
                    .containsExactly(0L, 2L, 2L);
            assertThat(counts(topology, "global", Granularity.DAY, "2021-12-02", "2021-12-03"))
                    .containsExactly(3L, 4L);
        }
    }

    @Test
    @DisplayName("a late registration changes its own day and every total after it")
    void shouldAddLateRegistrationsToTheirOwnDay() {
        try (var topology = new TopologyFixture(RULES)) {
            topology.register("t-1", "IT", Instant.parse("2021-12-01T10:00:00Z"));
            topology.register("t-2", "IT", Instant.parse("2021-12-03T10:00:00Z"));
            topology.tick();
            published(topology);
            assertThat(counts(topology, "global", Granularity.DAY, "2021-11-30", "2021-12-03"))
                    .containsExactly(0L, 1L, 1L, 2L);

            topology.register("t-3", "FR", Instant.parse("2021-11-30T22:00:00Z"));
            topology.register("t-4", "IT", Instant.parse("2021-12-01T06:00:00Z"));
            topology.tick();

            assertThat(published(topology))
                    .containsEntry("global|day|2021-11-30", 1L)
                    .containsEntry("global|day|2021-12-01", 2L)
                    .doesNotContainKey("global|day|2021-12-03"); // unchanged: not published again
            assertThat(counts(topology, "global", Granularity.DAY, "2021-11-30", "2021-12-03"))
                    .containsExactly(1L, 3L, 3L, 4L);
        }
    }

    @Test
    @DisplayName("two-level partial sums date each registration of the sum by its own time")
    void shouldDateEachRegistrationOfAPartialSum() {
        try (var topology = new TopologyFixture(RULES, CountingOptions.DEFAULTS)) {
            topology.register("t-1", "IT", Instant.parse("2021-12-01T10:00:00Z"));
            topology.register("t-2", "IT", Instant.parse("2021-12-02T10:00:00Z"));
            topology.register("t-3", "IT", Instant.parse("2021-12-02T11:00:00Z"));
            topology.tick();
            topology.tick();

            assertThat(published(topology))
                    .containsEntry("global|day|2021-12-01", 1L)
                    .containsEntry("global|day|2021-12-02", 2L);
        }
    }

    @Test
    void shouldDropHoursOlderThanTheHourlyHistory() {
        var clock = new TestClock(TopologyFixture.NOW);
        try (var topology = new TopologyFixture(RULES, SINGLE_KEY, clock)) {
            topology.register("t-1", "IT", Instant.parse("2021-12-03T10:00:00Z"));
            topology.tick();
            assertThat(published(topology)).containsEntry("global|hour|2021-12-03T10", 1L);

            clock.set(TopologyFixture.NOW.plus(Duration.ofDays(8)));
            topology.driver.advanceWallClockTime(Duration.ofHours(1));

            Map<String, Long> after = published(topology);
            assertThat(after).containsEntry("global|hour|2021-12-03T10", null);
            assertThat(after).containsEntry("country:IT|hour|2021-12-03T10", null);
            assertThat(after).doesNotContainKey("global|day|2021-12-03");
            assertThat(counts(topology, "global", Granularity.DAY, "2021-12-03", "2021-12-03"))
                    .containsExactly(1L);
        }
    }

    private static io.milestones.events.TeacherRegistered baseline(String id, String at) {
        return TopologyFixture.registration(id, "IT", Instant.parse(at), true);
    }

    /** The latest value per key published since the last call (null: a tombstone). */
    private static Map<String, Long> published(TopologyFixture topology) {
        Map<String, Long> latest = new LinkedHashMap<>();
        for (var kv : topology.history.readKeyValuesToList()) {
            latest.put(kv.key, kv.value == null ? null : kv.value.registrations());
            if (kv.value != null) {
                assertThat(
                                HistoryBucket.key(
                                        kv.value.scope(), kv.value.granularity(), kv.value.start()))
                        .isEqualTo(kv.key);
            }
        }
        return latest;
    }

    private static List<Long> counts(
            TopologyFixture topology,
            String scope,
            Granularity granularity,
            String from,
            String to) {
        return new CountHistory(topology.driver.getKeyValueStore(CountingTopology.HISTORY_VIEW))
                        .series(
                                scope,
                                granularity,
                                Instant.parse(from + "T00:00:00Z"),
                                Instant.parse(to + "T00:00:00Z"))
                        .stream()
                        .map(Point::count)
                        .toList();
    }
}
