package io.milestones.milestone.counting;

import static org.assertj.core.api.Assertions.assertThat;

import io.milestones.events.CloudEvent;
import io.milestones.events.Consents;
import io.milestones.events.CrossedBy;
import io.milestones.events.EventJson;
import io.milestones.events.EventSerde;
import io.milestones.events.EventType;
import io.milestones.events.MilestoneEvent;
import io.milestones.events.MilestoneReached;
import io.milestones.events.ScopeType;
import io.milestones.events.TeacherErased;
import io.milestones.events.TeacherRegistered;
import io.milestones.events.Topics;
import io.milestones.milestone.rules.ExplicitThresholds;
import io.milestones.milestone.rules.MilestoneRules;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import org.apache.kafka.common.header.Headers;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.TestInputTopic;
import org.apache.kafka.streams.TestOutputTopic;
import org.apache.kafka.streams.TopologyTestDriver;
import org.apache.kafka.streams.state.KeyValueStore;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class CountingTopologyTest {

    static final Instant NOW = Instant.parse("2021-12-03T12:00:00Z");

    TopologyTestDriver driver;
    TestInputTopic<String, byte[]> registrations;
    TestOutputTopic<String, MilestoneEvent> milestones;
    TestOutputTopic<String, byte[]> deadLetters;

    @BeforeEach
    void start() {
        var rules =
                new MilestoneRules(
                        Map.of(
                                ScopeType.GLOBAL, new ExplicitThresholds(List.of(5L, 10L)),
                                ScopeType.COUNTRY, new ExplicitThresholds(List.of(3L))));
        var topology =
                new CountingTopology(rules, Clock.fixed(NOW, ZoneOffset.UTC), "/test").build();
        Properties config = new Properties();
        config.put(StreamsConfig.APPLICATION_ID_CONFIG, "counting-test");
        config.put(StreamsConfig.BOOTSTRAP_SERVERS_CONFIG, "unused:9092");
        driver = new TopologyTestDriver(topology, config);
        registrations =
                driver.createInputTopic(
                        Topics.REGISTRATIONS, new StringSerializer(), new ByteArraySerializer());
        milestones =
                driver.createOutputTopic(
                        Topics.MILESTONES,
                        new StringDeserializer(),
                        EventSerde.of(MilestoneEvent.class).deserializer());
        deadLetters =
                driver.createOutputTopic(
                        Topics.deadLetter(Topics.REGISTRATIONS),
                        new StringDeserializer(),
                        new ByteArrayDeserializer());
    }

    @AfterEach
    void stop() {
        driver.close();
    }

    @Test
    @DisplayName("each threshold fires once, keyed by its deterministic milestoneId")
    void shouldEmitEachGlobalThresholdOnce() {
        for (int i = 1; i <= 12; i++) {
            register("t-" + i, i % 2 == 0 ? "IT" : "FR");
        }

        var events = milestones.readKeyValuesToList();
        assertThat(events)
                .extracting(kv -> kv.key)
                .containsExactlyInAnyOrder("country:FR:3", "country:IT:3", "global:5", "global:10");
        MilestoneReached global5 = reached(events, "global:5");
        assertThat(global5.threshold()).isEqualTo(5);
        assertThat(global5.count()).isEqualTo(5);
        assertThat(global5.crossedBy()).isEqualTo(new CrossedBy("t-5", "FR", null));
        assertThat(global5.reachedAt()).isEqualTo(registeredAt("t-5"));
        assertThat(global5.detectedAt()).isEqualTo(NOW);
        assertThat(counts().get("global").count()).isEqualTo(12);
        assertThat(counts().get("country:IT").count()).isEqualTo(6);
    }

    @Test
    void shouldCountATeacherIdOnceHoweverOftenItIsDelivered() {
        for (int i = 0; i < 7; i++) {
            register("t-same", "IT");
        }
        register("t-other", "IT");

        assertThat(counts().get("global").count()).isEqualTo(2);
        assertThat(milestones.isEmpty()).isTrue();
    }

    @Test
    void shouldWriteMilestoneWithCloudEventsHeaders() {
        for (int i = 1; i <= 5; i++) {
            register("t-" + i, "PL");
        }

        var record =
                milestones.readRecordsToList().stream()
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
    void shouldNameTheTeacherWhoCrossedOnlyWithConsent() {
        for (int i = 1; i <= 4; i++) {
            register("t-" + i, "DE");
        }
        send(
                "t-5",
                new TeacherRegistered(
                        "t-5",
                        "DE",
                        "de",
                        NOW,
                        "Klara",
                        "k@example.org",
                        new Consents(true),
                        false));

        assertThat(reached(milestones.readKeyValuesToList(), "global:5").crossedBy().displayName())
                .isEqualTo("Klara");
    }

    @Test
    void shouldCountBaselineButNotCelebrateThresholdsItCrossed() {
        for (int i = 1; i <= 6; i++) {
            send("b-" + i, registration("b-" + i, "ES", true));
        }
        for (int i = 1; i <= 4; i++) {
            register("t-" + i, "ES");
        }

        assertThat(counts().get("global").count()).isEqualTo(10);
        assertThat(milestones.readKeyValuesToList())
                .extracting(kv -> kv.key)
                .containsExactly("global:10");
    }

    @Test
    void shouldNotReduceCountsOnErasure() {
        register("t-1", "IT");
        var headers =
                CloudEvent.create("/test", EventType.TEACHER_ERASED, NOW)
                        .writeTo(new RecordHeaders());
        registrations.pipeInput(
                new org.apache.kafka.streams.test.TestRecord<>(
                        "t-1", EventJson.write(new TeacherErased("t-1", NOW)), headers));

        assertThat(counts().get("global").count()).isEqualTo(1);
        assertThat(deadLetters.isEmpty()).isTrue();
    }

    @Test
    @DisplayName(
            "poison records go to registrations-dlt with the reason and the partition keeps flowing")
    void shouldDeadLetterPoisonRecordsAndKeepCounting() {
        registrations.pipeInput("t-bad", "{not json".getBytes(StandardCharsets.UTF_8));
        registrations.pipeInput(
                "t-missing",
                "{\"teacherId\":\"t-missing\",\"language\":\"it\",\"registeredAt\":\"2021-12-03T10:00:00Z\"}"
                        .getBytes(StandardCharsets.UTF_8));
        send("someone-else", registration("t-9", "IT", false));
        for (int i = 1; i <= 5; i++) {
            register("t-" + i, "IT");
        }

        var dead = deadLetters.readRecordsToList();
        assertThat(dead)
                .extracting(r -> r.key())
                .containsExactly("t-bad", "t-missing", "someone-else");
        assertThat(header(dead.get(0).headers(), DeadLetterHeaders.EXCEPTION_MESSAGE))
                .contains("not a valid TeacherRegistered");
        assertThat(header(dead.get(1).headers(), DeadLetterHeaders.EXCEPTION_MESSAGE))
                .contains("country is required");
        assertThat(header(dead.get(2).headers(), DeadLetterHeaders.EXCEPTION_MESSAGE))
                .contains("key must be the teacherId");
        assertThat(header(dead.get(0).headers(), DeadLetterHeaders.ORIGINAL_TOPIC))
                .isEqualTo("registrations");
        assertThat(new String(dead.get(0).value(), StandardCharsets.UTF_8)).isEqualTo("{not json");
        assertThat(counts().get("global").count()).isEqualTo(5);
        assertThat(milestones.readKeyValuesToList()).extracting(kv -> kv.key).contains("global:5");
    }

    private void register(String teacherId, String country) {
        send(teacherId, registration(teacherId, country, false));
    }

    private static TeacherRegistered registration(
            String teacherId, String country, boolean baseline) {
        return new TeacherRegistered(
                teacherId,
                country,
                country.toLowerCase(),
                registeredAt(teacherId),
                "Name of " + teacherId,
                teacherId + "@example.org",
                Consents.none(),
                baseline);
    }

    private static Instant registeredAt(String teacherId) {
        return NOW.minusSeconds(1000 - Math.abs(teacherId.hashCode() % 1000));
    }

    private void send(String key, TeacherRegistered event) {
        Headers headers =
                CloudEvent.create("/test", EventType.TEACHER_REGISTERED, event.registeredAt())
                        .writeTo(new RecordHeaders());
        registrations.pipeInput(
                new org.apache.kafka.streams.test.TestRecord<>(
                        key, EventJson.write(event), headers));
    }

    private KeyValueStore<String, ScopeCount> counts() {
        return driver.getKeyValueStore(CountingTopology.COUNTS_STORE);
    }

    private static MilestoneReached reached(
            List<org.apache.kafka.streams.KeyValue<String, MilestoneEvent>> events, String id) {
        return events.stream()
                .filter(kv -> kv.key.equals(id))
                .map(kv -> (MilestoneReached) kv.value)
                .findFirst()
                .orElseThrow();
    }

    private static String header(Headers headers, String key) {
        return new String(headers.lastHeader(key).value(), StandardCharsets.UTF_8);
    }
}
