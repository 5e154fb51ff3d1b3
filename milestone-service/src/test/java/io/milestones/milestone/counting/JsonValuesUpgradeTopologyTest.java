package io.milestones.milestone.counting;

import static org.assertj.core.api.Assertions.assertThat;

import io.milestones.events.CrossedBy;
import io.milestones.events.EventSerde;
import io.milestones.events.ScopeType;
import io.milestones.milestone.counting.CountingOptions.GlobalAggregation;
import io.milestones.milestone.rules.ExplicitThresholds;
import io.milestones.milestone.rules.MilestoneRules;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.apache.kafka.common.serialization.Serde;
import org.apache.kafka.common.serialization.StringSerializer;
import org.apache.kafka.common.utils.Bytes;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * A rolling upgrade from JSON store values: state written by the previous version (JSON bytes under
 * the typed store) keeps counting, and is written back in the binary format.
 */
class JsonValuesUpgradeTopologyTest {

    final TopologyFixture topology =
            new TopologyFixture(
                    new MilestoneRules(
                            Map.of(
                                    ScopeType.GLOBAL, new ExplicitThresholds(List.of(10L)),
                                    ScopeType.COUNTRY, new ExplicitThresholds(List.of(5L))),
                            List.of()),
                    CountingOptions.DEFAULTS.with(GlobalAggregation.TWO_LEVEL));

    @AfterEach
    void stop() {
        topology.close();
    }

    @Test
    @DisplayName("counts and a pending partial sum stored as JSON keep counting after the upgrade")
    void shouldKeepCountingFromJsonStoreValues() {
        var before = new ScopeCount(4, 0, TopologyFixture.NOW.minusSeconds(600), EventRate.NONE);
        putJson(ScopeCounter.STORE, "country:IT", EventSerde.plain(ScopeCount.class), before);
        putJson(ScopeCounter.STORE, "global", EventSerde.plain(ScopeCount.class), before);
        var pending =
                new ScopeIncrement(
                        3,
                        new CrossedBy("t-old", "IT", null),
                        TopologyFixture.NOW.minusSeconds(300),
                        false,
                        null);
        putJson(PartialSums.STORE, "global", EventSerde.plain(ScopeIncrement.class), pending);

        topology.register("t-new-1", "IT");
        topology.register("t-new-2", "IT");
        topology.register("t-new-3", "IT");
        topology.tick();

        assertThat(topology.count("country:IT")).isEqualTo(7);
        assertThat(topology.count("global")).isEqualTo(4 + 3 + 3);
        assertThat(topology.reachedIds()).containsExactlyInAnyOrder("country:IT:5", "global:10");
        assertThat(topology.reached("country:IT:5").crossedBy().teacherId()).isEqualTo("t-new-1");
        assertThat(topology.rawValues(ScopeCounter.STORE).get(key("country:IT"))[0])
                .isEqualTo(InternalValueSerde.VERSION);
    }

    @Test
    @DisplayName("increments repartitioned as JSON by an instance not yet upgraded still count")
    void shouldCountJsonIncrementsFromTheRepartitionTopic() {
        var repartition =
                topology.driver.createInputTopic(
                        "counting-test-by-scope-repartition",
                        new StringSerializer(),
                        EventSerde.plain(ScopeIncrement.class).serializer());
        for (int i = 1; i <= 5; i++) {
            repartition.pipeInput(
                    "country:IT",
                    new ScopeIncrement(
                            new CrossedBy("t-" + i, "IT", null),
                            TopologyFixture.NOW.minusSeconds(60),
                            false));
        }

        assertThat(topology.count("country:IT")).isEqualTo(5);
        assertThat(topology.reached("country:IT:5").crossedBy().teacherId()).isEqualTo("t-5");
    }

    private <T> void putJson(String store, String key, Serde<T> json, T value) {
        byte[] bytes = json.serializer().serialize("changelog", value);
        assertThat(bytes[0]).isEqualTo((byte) '{');
        topology.rawValues(store).put(key(key), bytes);
    }

    static Bytes key(String key) {
        return Bytes.wrap(key.getBytes(StandardCharsets.UTF_8));
    }
}
