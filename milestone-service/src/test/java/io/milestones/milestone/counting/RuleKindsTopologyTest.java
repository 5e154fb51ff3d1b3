package io.milestones.milestone.counting;

import static org.assertj.core.api.Assertions.assertThat;

import io.milestones.events.ScopeType;
import io.milestones.milestone.rules.AnyOf;
import io.milestones.milestone.rules.EveryN;
import io.milestones.milestone.rules.ExplicitThresholds;
import io.milestones.milestone.rules.MilestoneRules;
import io.milestones.milestone.rules.RoundNumbers;
import io.milestones.milestone.rules.ThresholdRule;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** Each kind of rule, end to end through the topology. */
class RuleKindsTopologyTest {

    @Test
    void shouldAnnounceExplicitThresholds() {
        assertThat(globalMilestonesAfter(new ExplicitThresholds(List.of(2L, 7L, 50L)), 10))
                .containsExactly("global:2", "global:7");
    }

    @Test
    void shouldAnnounceEveryNthRegistration() {
        assertThat(globalMilestonesAfter(new EveryN(3, 3), 10))
                .containsExactly("global:3", "global:6", "global:9");
    }

    @Test
    void shouldAnnounceEveryNStartingFrom() {
        assertThat(globalMilestonesAfter(new EveryN(4, 2), 10))
                .containsExactly("global:2", "global:6", "global:10");
    }

    @Test
    void shouldAnnounceRoundNumbers() {
        assertThat(globalMilestonesAfter(new RoundNumbers("1-2-5", 2, 1000), 25))
                .containsExactly("global:2", "global:5", "global:10", "global:20");
    }

    @Test
    @DisplayName("kinds combined on one dimension announce their union, each threshold once")
    void shouldAnnounceTheUnionOfCombinedKinds() {
        ThresholdRule rule =
                AnyOf.of(
                        List.of(
                                new ExplicitThresholds(List.of(7L, 10L)),
                                new EveryN(5, 5),
                                new RoundNumbers("1-2-5", 2, 10)));

        assertThat(globalMilestonesAfter(rule, 12))
                .containsExactly("global:2", "global:5", "global:7", "global:10");
    }

    @Test
    @DisplayName("a third dimension (language) is counted and announced like any scope")
    void shouldCountAndAnnounceTheLanguageDimension() {
        var rules = new MilestoneRules(Map.of(ScopeType.LANGUAGE, new EveryN(2, 2)), List.of());
        try (var topology = new TopologyFixture(rules)) {
            topology.send("t-1", withLanguage("t-1", "PT", "pt-BR"));
            topology.send("t-2", withLanguage("t-2", "PT", "pt-PT"));
            topology.send("t-3", withLanguage("t-3", "IT", "it"));

            assertThat(topology.count("language:pt")).isEqualTo(2);
            assertThat(topology.count("language:it")).isEqualTo(1);
            assertThat(topology.count("global")).isZero(); // no rule, not counted
            assertThat(topology.reachedIds()).containsExactly("language:pt:2");
        }
    }

    private static io.milestones.events.TeacherRegistered withLanguage(
            String id, String country, String language) {
        var r = TopologyFixture.registration(id, country, TopologyFixture.NOW, false);
        return new io.milestones.events.TeacherRegistered(
                id, country, language, r.registeredAt(), r.consents(), false);
    }

    private static List<String> globalMilestonesAfter(ThresholdRule rule, int registrations) {
        try (var topology =
                new TopologyFixture(new MilestoneRules(Map.of(ScopeType.GLOBAL, rule)))) {
            for (int i = 1; i <= registrations; i++) {
                topology.register("t-" + i, "IT");
            }
            return topology.reachedIds();
        }
    }
}
