package io.milestones.milestone.counting;

import static org.assertj.core.api.Assertions.assertThat;

import io.milestones.events.ChainNetwork;
import io.milestones.events.ChainPostDeleted;
import io.milestones.events.ChainPostObserved;
import io.milestones.events.CloudEvent;
import io.milestones.events.EventJson;
import io.milestones.events.EventType;
import io.milestones.events.MilestoneReached;
import io.milestones.events.Scope;
import io.milestones.events.ScopeType;
import io.milestones.events.Topics;
import io.milestones.milestone.rules.ExplicitThresholds;
import io.milestones.milestone.rules.MilestoneRules;
import io.milestones.milestone.rules.RoundNumbers;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.apache.kafka.streams.TestInputTopic;
import org.apache.kafka.streams.test.TestRecord;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** Distinct participants of the social chain, counted by the same engine as registrations. */
class ChainCountingTopologyTest {

    static final Instant T = Instant.parse("2021-12-03T11:00:00Z");

    final TopologyFixture topology =
            new TopologyFixture(
                    new MilestoneRules(
                            Map.of(
                                    ScopeType.GLOBAL,
                                    new ExplicitThresholds(List.of(1000L)),
                                    ScopeType.CAMPAIGN,
                                    new RoundNumbers("1-2-5", 2, 1_000_000)),
                            List.of()));
    final TestInputTopic<String, byte[]> chain =
            topology.driver.createInputTopic(
                    Topics.SOCIAL_CHAIN, new StringSerializer(), new ByteArraySerializer());

    @AfterEach
    void stop() {
        topology.close();
    }

    void post(String author, String postId) {
        var post =
                new ChainPostObserved(
                        "1MeTwinners",
                        ChainNetwork.BLUESKY,
                        postId,
                        null,
                        author,
                        "it",
                        T,
                        List.of(),
                        null,
                        null,
                        List.of("1metwinners"));
        send(author, post, EventType.CHAIN_POST_OBSERVED);
    }

    void send(String key, Object event, EventType type) {
        var headers = CloudEvent.create("/chain-service", type, T).writeTo(new RecordHeaders());
        chain.pipeInput(new TestRecord<>(key, EventJson.write(event), headers, T));
    }

    @Test
    @DisplayName("each participant counts once; a deleted post never decreases the count")
    void shouldCountDistinctParticipantsAndCelebrateEachChainMilestoneOnce() {
        post("did:plc:a", "p1");
        post("did:plc:a", "p2"); // a second answer by the same teacher
        post("did:plc:b", "p3");
        send(
                "did:plc:a",
                new ChainPostDeleted("1MeTwinners", ChainNetwork.BLUESKY, "p1", "did:plc:a", T),
                EventType.CHAIN_POST_DELETED);
        post("did:plc:a", "p4"); // answers again after deleting: still one participant
        post("did:plc:b", "p3"); // a re-read of the network
        post("did:plc:c", "p5");
        post("did:plc:d", "p6");
        post("did:plc:e", "p7");

        assertThat(topology.reachedIds())
                .containsExactly("campaign:1MeTwinners:2", "campaign:1MeTwinners:5");
        MilestoneReached five = (MilestoneReached) topology.events().get(1);
        assertThat(five.scope()).isEqualTo(Scope.campaign("1MeTwinners"));
        assertThat(five.count()).isEqualTo(5);
        assertThat(five.crossedBy().teacherId()).isEqualTo("chain:bluesky:p7");
        assertThat(topology.reachedIds()).noneMatch(id -> id.startsWith("global"));
    }

    @Test
    void shouldDeadLetterAPoisonChainRecordAndKeepCounting() {
        chain.pipeInput("did:plc:x", "{not json".getBytes());
        post("did:plc:a", "p1");
        post("did:plc:b", "p2");

        var dead =
                topology.driver.createOutputTopic(
                        Topics.deadLetter(Topics.SOCIAL_CHAIN),
                        new StringDeserializer(),
                        new ByteArrayDeserializer());
        assertThat(dead.readRecordsToList()).hasSize(1);
        assertThat(topology.reachedIds()).containsExactly("campaign:1MeTwinners:2");
    }
}
