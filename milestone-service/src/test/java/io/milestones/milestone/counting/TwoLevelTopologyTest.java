package io.milestones.milestone.counting;

import static io.milestones.milestone.counting.TopologyFixture.NOW;
import static org.assertj.core.api.Assertions.assertThat;

import io.milestones.events.MilestoneReached;
import io.milestones.events.ScopeType;
import io.milestones.milestone.counting.CountingOptions.GlobalAggregation;
import io.milestones.milestone.rules.EveryN;
import io.milestones.milestone.rules.ExplicitThresholds;
import io.milestones.milestone.rules.MilestoneRules;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** The global count summed in two levels: partial sums make the count jump. */
class TwoLevelTopologyTest {

    final TopologyFixture topology =
            new TopologyFixture(
                    new MilestoneRules(
                            Map.of(
                                    ScopeType.GLOBAL, new EveryN(5, 5),
                                    ScopeType.COUNTRY, new ExplicitThresholds(List.of(3L))),
                            List.of(0.9)),
                    CountingOptions.DEFAULTS.with(GlobalAggregation.TWO_LEVEL));

    @AfterEach
    void stop() {
        topology.close();
    }

    @Test
    @DisplayName("a jump past several thresholds announces each of them once")
    void shouldEmitMilestoneOnceWhenCountJumpsPastThreshold() {
        for (int i = 1; i <= 12; i++) {
            topology.register("t-" + i, "IT", NOW.minusSeconds(100 - i));
        }
        assertThat(topology.count("global")).isZero(); // still a partial sum
        topology.tick();

        assertThat(topology.count("global")).isEqualTo(12);
        assertThat(topology.reachedIds())
                .containsExactlyInAnyOrder("country:IT:3", "global:5", "global:10");
        // the partial sum lists its registrations: the fifth one counted crossed 5
        MilestoneReached global5 = topology.reached("global:5");
        assertThat(global5.count()).isEqualTo(5);
        assertThat(global5.crossedBy().teacherId()).isEqualTo("t-5");
        assertThat(global5.reachedAt()).isEqualTo(NOW.minusSeconds(95));
        assertThat(topology.reached("global:10").crossedBy().teacherId()).isEqualTo("t-10");
        // the jump passed 0.9 × 10 and 10 itself: the milestone is announced, not its approach
        assertThat(topology.approaching()).extracting(a -> a.milestoneId()).isEmpty();

        for (int i = 13; i <= 14; i++) {
            topology.register("t-" + i, "IT");
        }
        topology.tick();
        assertThat(topology.approaching())
                .extracting(a -> a.milestoneId() + " at " + a.count())
                .containsExactly("global:15 at 14");
        topology.register("t-14", "IT"); // duplicate
        topology.register("t-15", "IT");
        topology.tick();
        assertThat(topology.count("global")).isEqualTo(15);
        assertThat(topology.reachedIds()).containsOnlyOnce("global:5", "global:10", "global:15");
    }

    @Test
    void shouldNotCelebrateBaselineSummedBeforeLiveRegistrations() {
        for (int i = 1; i <= 9; i++) {
            topology.baseline("b-" + i, "IT");
        }
        topology.register("t-1", "FR");
        topology.tick();

        assertThat(topology.count("global")).isEqualTo(10);
        assertThat(topology.reachedIds()).containsExactly("global:10");
        assertThat(topology.reached("global:10").crossedBy().teacherId()).isEqualTo("t-1");
    }
}
