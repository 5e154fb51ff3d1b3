package io.milestones.milestone.counting;

import static org.assertj.core.api.Assertions.assertThat;

import io.milestones.events.ScopeType;
import io.milestones.milestone.rules.EveryN;
import io.milestones.milestone.rules.ExplicitThresholds;
import io.milestones.milestone.rules.MilestoneRules;
import java.util.List;
import java.util.Map;
import org.apache.kafka.streams.test.TestRecord;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** What every instance reads: published counts, and the milestone history. */
class ReadViewsTopologyTest {

    static final MilestoneRules RULES =
            new MilestoneRules(
                    Map.of(
                            ScopeType.GLOBAL, new EveryN(5, 5),
                            ScopeType.COUNTRY, new ExplicitThresholds(List.of(100L))),
                    List.of(0.8));

    @Test
    void shouldPublishChangedCountsToTheCountsTopic() {
        try (var topology = new TopologyFixture(RULES)) {
            for (int i = 1; i <= 7; i++) {
                topology.register("t-" + i, i <= 4 ? "IT" : "FR");
            }
            topology.tick();

            var published = topology.publishedCounts();
            assertThat(published).containsOnlyKeys("global", "country:IT", "country:FR");
            assertThat(published.get("global").count()).isEqualTo(7);
            assertThat(published.get("global").settledUpTo()).isEqualTo(5);
            assertThat(published.get("country:FR").count()).isEqualTo(3);

            topology.register("t-8", "FR");
            topology.tick();
            assertThat(topology.publishedCounts()).containsOnlyKeys("global", "country:FR");
        }
    }

    @Test
    void shouldKeepTheLatestEventOfEachMilestoneInTheHistoryStore() {
        try (var topology = new TopologyFixture(RULES)) {
            for (int i = 1; i <= 5; i++) {
                topology.register("t-" + i, "IT");
            }
            for (var record : topology.milestoneRecords()) {
                topology.milestonesIn.pipeInput(record); // what the global consumer reads back
            }

            var history =
                    new MilestoneHistory(topology.driver.getKeyValueStore(MilestoneHistory.STORE));
            assertThat(history.reached("global:5")).isTrue();
            assertThat(history.approached("global:5", 0.8)).isTrue();
            assertThat(history.reached("global:10")).isFalse();

            topology.milestonesIn.pipeInput("global:5", (byte[]) null);
            topology.milestonesIn.pipeInput("global:7", "not an event".getBytes());
            assertThat(history.latest("global:5")).isEmpty();
            assertThat(history.latest("global:7")).isEmpty();
        }
    }

    @Test
    @DisplayName(
            "after a reset (state lost, history kept) re-counting announces nothing twice, and"
                    + " goes on")
    void shouldNotAnnounceAgainWhatTheHistoryHoldsAfterAReset() {
        List<TestRecord<String, byte[]>> announced;
        try (var before = new TopologyFixture(RULES)) {
            for (int i = 1; i <= 9; i++) {
                before.register("t-" + i, "IT");
            }
            announced = before.milestoneRecords();
            assertThat(before.events())
                    .extracting(e -> e.getClass().getSimpleName() + " " + e.milestoneId())
                    .containsExactly(
                            "MilestoneApproaching global:5",
                            "MilestoneReached global:5",
                            "MilestoneApproaching global:10");
        }
        try (var after = new TopologyFixture(RULES)) {
            announced.forEach(after.milestonesIn::pipeInput);
            for (int i = 1; i <= 11; i++) {
                after.register("t-" + i, "IT");
            }

            assertThat(after.count("global")).isEqualTo(11);
            assertThat(after.events())
                    .extracting(e -> e.getClass().getSimpleName() + " " + e.milestoneId())
                    .containsExactly("MilestoneReached global:10");
        }
    }
}
