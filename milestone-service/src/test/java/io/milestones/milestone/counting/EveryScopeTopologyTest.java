package io.milestones.milestone.counting;

import static io.milestones.milestone.counting.TopologyFixture.NOW;
import static org.assertj.core.api.Assertions.assertThat;

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

/** Every scope summed per input task (decision 0205): sums, yet exact and precisely named. */
class EveryScopeTopologyTest {

    final TopologyFixture topology =
            new TopologyFixture(
                    new MilestoneRules(
                            Map.of(
                                    ScopeType.GLOBAL, new EveryN(5, 5),
                                    ScopeType.COUNTRY, new ExplicitThresholds(List.of(3L)),
                                    ScopeType.LANGUAGE, new ExplicitThresholds(List.of(2L))),
                            List.of()),
                    CountingOptions.DEFAULTS.with(GlobalAggregation.EVERY_SCOPE));

    @AfterEach
    void stop() {
        topology.close();
    }

    @Test
    @DisplayName("country and language counts arrive as sums, exact, naming who crossed")
    void shouldCountEachTeacherOnceInEveryScopeWhenSummedPerTask() {
        for (int i = 1; i <= 7; i++) {
            topology.register("it-" + i, "IT", NOW.minusSeconds(100 - i));
            topology.register("it-" + i, "IT", NOW.minusSeconds(100 - i)); // re-delivered
        }
        topology.register("fr-1", "FR");
        topology.register("fr-2", "FR");
        assertThat(topology.count("country:IT")).isZero(); // still a partial sum
        topology.tick();

        assertThat(topology.count("country:IT")).isEqualTo(7);
        assertThat(topology.count("country:FR")).isEqualTo(2);
        assertThat(topology.count("language:it")).isEqualTo(7);
        assertThat(topology.count("language:fr")).isEqualTo(2);
        assertThat(topology.count("global")).isEqualTo(9);
        assertThat(topology.reachedIds())
                .containsExactlyInAnyOrder(
                        "country:IT:3", "language:it:2", "language:fr:2", "global:5");
        // the sum lists its registrations: the third Italian one crossed 3
        assertThat(topology.reached("country:IT:3").crossedBy().teacherId()).isEqualTo("it-3");
        assertThat(topology.reached("country:IT:3").count()).isEqualTo(3);
        assertThat(topology.reached("language:fr:2").crossedBy().teacherId()).isEqualTo("fr-2");

        topology.register("it-1", "IT"); // a re-delivery after the flush counts nowhere
        topology.register("fr-3", "FR");
        topology.tick();
        assertThat(topology.count("country:IT")).isEqualTo(7);
        assertThat(topology.count("country:FR")).isEqualTo(3);
        assertThat(topology.count("global")).isEqualTo(10);
        assertThat(topology.reached("country:FR:3").crossedBy().teacherId()).isEqualTo("fr-3");
        assertThat(topology.reachedIds())
                .containsOnlyOnce("country:IT:3", "country:FR:3", "global:5", "global:10");
    }

    @Test
    void shouldNotCelebrateBaselineSummedBeforeLiveRegistrationsOfACountry() {
        topology.baseline("b-1", "IT");
        topology.baseline("b-2", "IT");
        topology.register("t-1", "IT");
        topology.tick();

        assertThat(topology.count("country:IT")).isEqualTo(3);
        assertThat(topology.reachedIds()).contains("country:IT:3");
        assertThat(topology.reached("country:IT:3").crossedBy().teacherId()).isEqualTo("t-1");
        assertThat(topology.reachedIds()).doesNotContain("language:it:2"); // crossed by b-2
    }
}
