package io.milestones.milestone.counting;

import static io.milestones.milestone.counting.TopologyFixture.NOW;
import static org.assertj.core.api.Assertions.assertThat;

import io.milestones.events.CloudEvent;
import io.milestones.events.Consents;
import io.milestones.events.CrossedBy;
import io.milestones.events.EventJson;
import io.milestones.events.EventType;
import io.milestones.events.MilestoneReached;
import io.milestones.events.ScopeType;
import io.milestones.events.TeacherErased;
import io.milestones.events.TeacherRegisteredV1;
import io.milestones.milestone.rules.ExplicitThresholds;
import io.milestones.milestone.rules.MilestoneRules;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.apache.kafka.common.header.Headers;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.streams.test.TestRecord;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class CountingTopologyTest {

    final TopologyFixture topology =
            new TopologyFixture(
                    new MilestoneRules(
                            Map.of(
                                    ScopeType.GLOBAL, new ExplicitThresholds(List.of(5L, 10L)),
                                    ScopeType.COUNTRY, new ExplicitThresholds(List.of(3L)))));

    @AfterEach
    void stop() {
        topology.close();
    }

    @Test
    @DisplayName("each threshold fires once, keyed by its deterministic milestoneId")
    void shouldEmitEachGlobalThresholdOnce() {
        for (int i = 1; i <= 12; i++) {
            topology.register("t-" + i, i % 2 == 0 ? "IT" : "FR", NOW.minusSeconds(100 - i));
        }

        assertThat(topology.reachedIds())
                .containsExactlyInAnyOrder("country:FR:3", "country:IT:3", "global:5", "global:10");
        MilestoneReached global5 = topology.reached("global:5");
        assertThat(global5.threshold()).isEqualTo(5);
        assertThat(global5.count()).isEqualTo(5);
        assertThat(global5.crossedBy()).isEqualTo(new CrossedBy("t-5", "FR", null));
        assertThat(global5.reachedAt()).isEqualTo(NOW.minusSeconds(95));
        assertThat(global5.detectedAt()).isEqualTo(NOW);
        assertThat(topology.count("global")).isEqualTo(12);
        assertThat(topology.count("country:IT")).isEqualTo(6);
    }

    @Test
    void shouldCountATeacherIdOnceHoweverOftenItIsDelivered() {
        for (int i = 0; i < 7; i++) {
            topology.register("t-same", "IT");
        }
        topology.register("t-other", "IT");

        assertThat(topology.count("global")).isEqualTo(2);
        assertThat(topology.count("country:IT")).isEqualTo(2);
        assertThat(topology.events()).isEmpty();
    }

    @Test
    void shouldNotCountADuplicateThatArrivesWithOtherData() {
        topology.register("t-1", "IT");
        topology.register("t-1", "FR"); // the same teacher, delivered again with changed data

        assertThat(topology.count("global")).isEqualTo(1);
        assertThat(topology.count("country:FR")).isZero();
    }

    @Test
    @DisplayName("a late registration counts once and dates the milestone it crosses")
    void shouldCountLateEventOnceAndUseItsEventTimeAsReachedAt() {
        for (int i = 1; i <= 4; i++) {
            topology.register("t-" + i, "IT", NOW.minusSeconds(10 - i));
        }
        topology.register("t-late", "IT", NOW.minusSeconds(3600));
        topology.register("t-late", "IT", NOW.minusSeconds(3600));

        MilestoneReached global5 = topology.reached("global:5");
        assertThat(global5.crossedBy().teacherId()).isEqualTo("t-late");
        assertThat(global5.reachedAt()).isEqualTo(NOW.minusSeconds(3600));
        assertThat(topology.count("global")).isEqualTo(5);
        assertThat(topology.counts().get("global").lastEventAt()).isEqualTo(NOW.minusSeconds(6));
    }

    @Test
    void shouldWriteMilestoneWithCloudEventsHeaders() {
        for (int i = 1; i <= 5; i++) {
            topology.register("t-" + i, "PL");
        }

        var record =
                topology.milestoneRecords().stream()
                        .filter(r -> r.key().equals("global:5"))
                        .findFirst()
                        .orElseThrow();
        CloudEvent cloudEvent = CloudEvent.readFrom(record.headers());
        assertThat(cloudEvent.type()).isEqualTo(EventType.MILESTONE_REACHED);
        assertThat(cloudEvent.id()).isEqualTo("global:5");
        assertThat(cloudEvent.source()).isEqualTo("/test");
        assertThat(record.headers().headers("ce_type")).hasSize(1);
    }

    @Test
    void shouldNeverNameTheTeacherOnMilestonesEvenFromAV1RecordWithNameAndConsent() {
        for (int i = 1; i <= 4; i++) {
            topology.register("t-" + i, "DE");
        }
        topology.sendV1(
                "t-5",
                new TeacherRegisteredV1(
                        "t-5",
                        "DE",
                        "de",
                        NOW,
                        "Klara",
                        "k@example.org",
                        new Consents(true, true),
                        false));

        assertThat(topology.reached("global:5").crossedBy())
                .isEqualTo(new CrossedBy("t-5", "DE", null));
        assertThat(topology.milestoneRecords())
                .allSatisfy(
                        r ->
                                assertThat(new String(r.value(), StandardCharsets.UTF_8))
                                        .doesNotContain("Klara")
                                        .doesNotContain("k@example.org"));
    }

    @Test
    void shouldCountBaselineButNotCelebrateThresholdsItCrossed() {
        for (int i = 1; i <= 6; i++) {
            topology.baseline("b-" + i, "ES");
        }
        for (int i = 1; i <= 4; i++) {
            topology.register("t-" + i, "ES");
        }

        assertThat(topology.count("global")).isEqualTo(10);
        assertThat(topology.reachedIds()).containsExactly("global:10");
    }

    @Test
    void shouldNotReduceCountsOnErasure() {
        topology.register("t-1", "IT");
        var headers =
                CloudEvent.create("/test", EventType.TEACHER_ERASED, NOW)
                        .writeTo(new RecordHeaders());
        topology.registrations.pipeInput(
                new TestRecord<>("t-1", EventJson.write(new TeacherErased("t-1", NOW)), headers));
        topology.register("t-1", "IT"); // and a later re-delivery does not count again

        assertThat(topology.count("global")).isEqualTo(1);
        assertThat(topology.deadLetters.isEmpty()).isTrue();
    }

    @Test
    @DisplayName(
            "poison records go to registrations-v2-dlt with the reason and the partition keeps flowing")
    void shouldDeadLetterPoisonRecordsAndKeepCounting() {
        topology.registrations.pipeInput("t-bad", "{not json".getBytes(StandardCharsets.UTF_8));
        topology.registrations.pipeInput(
                "t-missing",
                "{\"teacherId\":\"t-missing\",\"language\":\"it\",\"registeredAt\":\"2021-12-03T10:00:00Z\"}"
                        .getBytes(StandardCharsets.UTF_8));
        topology.send("someone-else", TopologyFixture.registration("t-9", "IT", NOW, false));
        topology.registrations.pipeInput("t-null", (byte[]) null);
        for (int i = 1; i <= 5; i++) {
            topology.register("t-" + i, "IT");
        }

        var dead = topology.deadLetters.readRecordsToList();
        assertThat(dead)
                .extracting(r -> r.key())
                .containsExactly("t-bad", "t-missing", "someone-else", "t-null");
        assertThat(header(dead.get(0).headers(), DeadLetterHeaders.EXCEPTION_MESSAGE))
                .contains("not a valid TeacherRegistered");
        assertThat(header(dead.get(1).headers(), DeadLetterHeaders.EXCEPTION_MESSAGE))
                .contains("country is required");
        assertThat(header(dead.get(2).headers(), DeadLetterHeaders.EXCEPTION_MESSAGE))
                .contains("key must be the teacherId");
        assertThat(header(dead.get(3).headers(), DeadLetterHeaders.EXCEPTION_MESSAGE))
                .contains("no value");
        // who failed, as spring-kafka's recoverer says it on the other dead-letter topics
        assertThat(dead)
                .allSatisfy(
                        d ->
                                assertThat(header(d.headers(), "kafka_dlt-original-consumer-group"))
                                        .isEqualTo("counting-test"));
        assertThat(header(dead.get(0).headers(), DeadLetterHeaders.ORIGINAL_TOPIC))
                .isEqualTo("registrations-v2");
        assertThat(new String(dead.get(0).value(), StandardCharsets.UTF_8)).isEqualTo("{not json");
        assertThat(topology.count("global")).isEqualTo(5);
        assertThat(topology.reachedIds()).contains("global:5");
    }

    private static String header(Headers headers, String key) {
        return new String(headers.lastHeader(key).value(), StandardCharsets.UTF_8);
    }
}
