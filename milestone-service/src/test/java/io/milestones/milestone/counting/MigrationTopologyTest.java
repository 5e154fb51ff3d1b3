package io.milestones.milestone.counting;

import static io.milestones.milestone.counting.TopologyFixture.NOW;
import static org.assertj.core.api.Assertions.assertThat;

import io.milestones.events.CloudEvent;
import io.milestones.events.Consents;
import io.milestones.events.EventJson;
import io.milestones.events.EventType;
import io.milestones.events.MilestoneReached;
import io.milestones.events.RegistrationsV1Migration;
import io.milestones.events.ScopeType;
import io.milestones.events.TeacherErased;
import io.milestones.events.TeacherRegistered;
import io.milestones.events.TeacherRegisteredV1;
import io.milestones.events.Topics;
import io.milestones.milestone.rules.ExplicitThresholds;
import io.milestones.milestone.rules.MilestoneRules;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.streams.test.TestRecord;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * The migration from {@code registrations} (v1, with names and addresses) to {@code
 * registrations-v2}: counting the copied log changes no count and announces no milestone again,
 * whether the counting keeps its state or re-counts from scratch beside its milestone history.
 */
class MigrationTopologyTest {

    static final MilestoneRules RULES =
            new MilestoneRules(
                    Map.of(
                            ScopeType.GLOBAL, new ExplicitThresholds(List.of(5L, 10L, 15L)),
                            ScopeType.COUNTRY, new ExplicitThresholds(List.of(4L))));

    /** A v1 log: baselines, live registrations, duplicates (redeliveries) and erasures. */
    static List<Object> v1Log() {
        List<Object> log = new ArrayList<>();
        for (int i = 1; i <= 6; i++) {
            log.add(v1("b-" + i, i % 2 == 0 ? "IT" : "PL", true));
        }
        for (int i = 1; i <= 8; i++) {
            log.add(v1("t-" + i, i % 2 == 0 ? "IT" : "PL", false));
            if (i % 3 == 0) {
                log.add(v1("t-" + i, i % 2 == 0 ? "IT" : "PL", false)); // redelivered
            }
            if (i == 4) {
                log.add(new TeacherErased("t-2", NOW));
            }
        }
        return log;
    }

    static TeacherRegisteredV1 v1(String id, String country, boolean baseline) {
        return new TeacherRegisteredV1(
                id,
                country,
                country.toLowerCase(),
                NOW.minusSeconds(60),
                "Name of " + id,
                id + "@school.example",
                new Consents(true, false),
                baseline);
    }

    /**
     * What the migration writes to registrations-v2: the real rule ({@link
     * RegistrationsV1Migration}), erasures anywhere in the log honoured.
     */
    static List<Object> migrated(List<Object> v1Log) {
        Set<String> erased = new HashSet<>();
        v1Log.stream()
                .filter(TeacherErased.class::isInstance)
                .forEach(e -> erased.add(((TeacherErased) e).teacherId()));
        return v1Log.stream()
                .flatMap(
                        e ->
                                RegistrationsV1Migration.split(
                                        CloudEvent.create("/test", EventType.of(e), NOW),
                                        e,
                                        erased::contains)
                                        .stream())
                .filter(out -> out.topic().equals(Topics.REGISTRATIONS))
                .map(RegistrationsV1Migration.Output::value)
                .toList();
    }

    @Test
    @DisplayName("the copied log keeps counts and history; no MilestoneReached twice, kept state")
    void shouldKeepCountsAndAnnounceNothingAgainWhenTheCountingKeepsItsState() {
        try (var topology = new TopologyFixture(RULES)) {
            v1Log().forEach(e -> send(topology, e));
            var countsBefore = Map.copyOf(snapshot(topology));
            var reachedBefore = topology.reachedIds();
            assertThat(reachedBefore)
                    .containsExactlyInAnyOrder("global:10", "country:IT:4", "country:PL:4");
            assertThat(countsBefore).containsEntry("global", 14L);

            migrated(v1Log()).forEach(e -> send(topology, e));

            assertThat(snapshot(topology)).isEqualTo(countsBefore);
            assertThat(topology.reachedIds()).isEqualTo(reachedBefore);
        }
    }

    @Test
    @DisplayName("a re-count of the copied log from scratch gives identical counts, announces none")
    void shouldRecountTheCopiedLogToIdenticalCountsWithoutAnnouncingAgain() {
        List<TestRecord<String, byte[]>> history;
        Map<String, Long> countsBefore;
        try (var before = new TopologyFixture(RULES)) {
            v1Log().forEach(e -> send(before, e));
            history = before.milestoneRecords();
            countsBefore = Map.copyOf(snapshot(before));
        }
        try (var after = new TopologyFixture(RULES)) {
            history.forEach(after.milestonesIn::pipeInput);
            migrated(v1Log()).forEach(e -> send(after, e));

            assertThat(snapshot(after)).isEqualTo(countsBefore);
            assertThat(after.events()).noneMatch(MilestoneReached.class::isInstance);
        }
    }

    private static void send(TopologyFixture topology, Object event) {
        String key;
        if (event instanceof TeacherRegisteredV1 v1) {
            key = v1.teacherId();
        } else if (event instanceof TeacherRegistered v2) {
            key = v2.teacherId();
        } else {
            key = ((TeacherErased) event).teacherId();
        }
        var headers =
                CloudEvent.create("/test", EventType.of(event), NOW).writeTo(new RecordHeaders());
        topology.registrations.pipeInput(new TestRecord<>(key, EventJson.write(event), headers));
    }

    private static Map<String, Long> snapshot(TopologyFixture topology) {
        Map<String, Long> counts = new java.util.TreeMap<>();
        try (var all = topology.counts().all()) {
            all.forEachRemaining(kv -> counts.put(kv.key, kv.value.count()));
        }
        return counts;
    }
}
