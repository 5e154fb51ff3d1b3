package io.milestones.milestone.counting;

import static org.assertj.core.api.Assertions.assertThat;

import io.milestones.events.EventSerde;
import io.milestones.events.ScopeType;
import io.milestones.milestone.counting.CountingOptions.GlobalAggregation;
import io.milestones.milestone.counting.CountingOptions.ValueFormat;
import io.milestones.milestone.rules.ExplicitThresholds;
import io.milestones.milestone.rules.MilestoneRules;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * {@code internal-values: json}, the first step of a rolling upgrade from a JSON-only version: the
 * stores hold JSON that the previous version reads.
 */
class JsonValueFormatTopologyTest {

    final TopologyFixture topology =
            new TopologyFixture(
                    new MilestoneRules(
                            Map.of(ScopeType.COUNTRY, new ExplicitThresholds(List.of(2L))),
                            List.of()),
                    CountingOptions.DEFAULTS
                            .with(GlobalAggregation.SINGLE_KEY)
                            .with(ValueFormat.JSON));

    @AfterEach
    void stop() {
        topology.close();
    }

    @Test
    @DisplayName("with internal-values: json the stores hold JSON, as the previous version reads")
    void shouldWriteJsonStoreValuesWhenAsked() {
        topology.register("t-1", "IT");
        topology.register("t-2", "IT");

        assertThat(topology.count("country:IT")).isEqualTo(2);
        assertThat(topology.reachedIds()).containsExactly("country:IT:2");
        byte[] stored =
                topology.rawValues(ScopeCounter.STORE)
                        .get(JsonValuesUpgradeTopologyTest.key("country:IT"));
        assertThat(EventSerde.plain(ScopeCount.class).deserializer().deserialize("t", stored))
                .isEqualTo(topology.counts().get("country:IT"));
    }
}
