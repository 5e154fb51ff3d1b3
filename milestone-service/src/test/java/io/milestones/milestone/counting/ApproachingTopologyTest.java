package io.milestones.milestone.counting;

import static org.assertj.core.api.Assertions.assertThat;

import io.milestones.events.CloudEvent;
import io.milestones.events.EventType;
import io.milestones.events.MilestoneApproaching;
import io.milestones.events.Scope;
import io.milestones.events.ScopeType;
import io.milestones.milestone.rules.EveryN;
import io.milestones.milestone.rules.MilestoneRules;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class ApproachingTopologyTest {

    final TopologyFixture topology =
            new TopologyFixture(
                    new MilestoneRules(
                            Map.of(ScopeType.GLOBAL, new EveryN(10, 10)), List.of(0.8, 0.9)));

    @AfterEach
    void stop() {
        topology.close();
    }

    @Test
    void shouldAnnounceEachFractionOnceBeforeTheMilestone() {
        for (int i = 1; i <= 20; i++) {
            topology.register("t-" + i, "IT");
        }

        assertThat(topology.events())
                .extracting(e -> e.getClass().getSimpleName() + " " + e.milestoneId())
                .containsExactly(
                        "MilestoneApproaching global:10",
                        "MilestoneApproaching global:10",
                        "MilestoneReached global:10",
                        "MilestoneApproaching global:20",
                        "MilestoneApproaching global:20",
                        "MilestoneReached global:20");
        MilestoneApproaching first = topology.approaching().get(0);
        assertThat(first)
                .isEqualTo(
                        new MilestoneApproaching(
                                "global:10", Scope.GLOBAL, 10, 8, 0.8, TopologyFixture.NOW));
        assertThat(topology.approaching().get(1).count()).isEqualTo(9);
        assertThat(topology.approaching().get(1).fraction()).isEqualTo(0.9);
    }

    @Test
    void shouldGiveEachApproachItsOwnCloudEventId() {
        for (int i = 1; i <= 9; i++) {
            topology.register("t-" + i, "IT");
        }

        assertThat(topology.milestoneRecords())
                .extracting(r -> CloudEvent.readFrom(r.headers()))
                .extracting(CloudEvent::id, CloudEvent::type)
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple(
                                "global:10@0.8", EventType.MILESTONE_APPROACHING),
                        org.assertj.core.groups.Tuple.tuple(
                                "global:10@0.9", EventType.MILESTONE_APPROACHING));
    }

    @Test
    void shouldNotAnnounceApproachesThatDuplicatesOrBaselinePass() {
        for (int i = 1; i <= 8; i++) {
            topology.baseline("b-" + i, "IT");
        }
        topology.register("b-1", "IT"); // a duplicate
        topology.register("t-9", "IT");

        assertThat(topology.approaching())
                .extracting(MilestoneApproaching::fraction)
                .containsExactly(0.9);
    }
}
