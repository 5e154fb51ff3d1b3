package io.milestones.milestone.counting;

import io.milestones.events.CloudEvent;
import io.milestones.events.Consents;
import io.milestones.events.EventJson;
import io.milestones.events.EventSerde;
import io.milestones.events.EventType;
import io.milestones.events.MilestoneApproaching;
import io.milestones.events.MilestoneEvent;
import io.milestones.events.MilestoneReached;
import io.milestones.events.TeacherRegistered;
import io.milestones.events.TeacherRegisteredV1;
import io.milestones.events.Topics;
import io.milestones.milestone.rules.MilestoneRules;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import org.apache.kafka.common.header.Headers;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.apache.kafka.common.utils.Bytes;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.TestInputTopic;
import org.apache.kafka.streams.TestOutputTopic;
import org.apache.kafka.streams.TopologyTestDriver;
import org.apache.kafka.streams.state.KeyValueStore;
import org.apache.kafka.streams.state.internals.WrappedStateStore;
import org.apache.kafka.streams.test.TestRecord;
import org.springframework.util.FileSystemUtils;

/** The counting topology in a {@link TopologyTestDriver}, with helpers to feed and read it. */
final class TopologyFixture implements AutoCloseable {

    static final Instant NOW = Instant.parse("2021-12-03T12:00:00Z");

    final TopologyTestDriver driver;
    private final Path stateDir;
    final TestInputTopic<String, byte[]> registrations;
    final TestInputTopic<String, byte[]> milestonesIn;
    final TestOutputTopic<String, byte[]> milestones;
    final TestOutputTopic<String, ScopeCount> published;
    final TestOutputTopic<String, byte[]> deadLetters;
    final TestOutputTopic<String, HistoryBucket> history;
    private final List<TestRecord<String, byte[]>> allMilestones = new ArrayList<>();

    /** Single-key: every registration reaches its counts at once, no wall-clock ticks needed. */
    TopologyFixture(MilestoneRules rules) {
        this(rules, CountingOptions.DEFAULTS.with(CountingOptions.GlobalAggregation.SINGLE_KEY));
    }

    TopologyFixture(MilestoneRules rules, CountingOptions options) {
        this(rules, options, Clock.fixed(NOW, ZoneOffset.UTC));
    }

    TopologyFixture(MilestoneRules rules, CountingOptions options, Clock clock) {
        var topology = new CountingTopology(rules, clock, "/test", options).build();
        Properties config = new Properties();
        config.put(StreamsConfig.APPLICATION_ID_CONFIG, "counting-test");
        config.put(StreamsConfig.BOOTSTRAP_SERVERS_CONFIG, "unused:9092");
        config.put(StreamsConfig.PROCESSING_GUARANTEE_CONFIG, StreamsConfig.EXACTLY_ONCE_V2);
        // own state directory: the default /tmp/kafka-streams/<application.id> is shared by every
        // build on the machine, and two test JVMs opening the same RocksDB store fail each other
        stateDir = newStateDirectory();
        config.put(StreamsConfig.STATE_DIR_CONFIG, stateDir.toString());
        driver = new TopologyTestDriver(topology, config, NOW);
        registrations =
                driver.createInputTopic(
                        Topics.REGISTRATIONS, new StringSerializer(), new ByteArraySerializer());
        milestonesIn =
                driver.createInputTopic(
                        Topics.MILESTONES, new StringSerializer(), new ByteArraySerializer());
        milestones =
                driver.createOutputTopic(
                        Topics.MILESTONES, new StringDeserializer(), new ByteArrayDeserializer());
        published =
                driver.createOutputTopic(
                        Topics.MILESTONE_COUNTS,
                        new StringDeserializer(),
                        EventSerde.plain(ScopeCount.class).deserializer());
        deadLetters =
                driver.createOutputTopic(
                        Topics.deadLetter(Topics.REGISTRATIONS),
                        new StringDeserializer(),
                        new ByteArrayDeserializer());
        history =
                driver.createOutputTopic(
                        Topics.MILESTONE_COUNT_HISTORY,
                        new StringDeserializer(),
                        EventSerde.plain(HistoryBucket.class).deserializer());
    }

    private static Path newStateDirectory() {
        try {
            return Files.createTempDirectory("counting-test-");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    void register(String teacherId, String country) {
        send(teacherId, registration(teacherId, country, NOW.minusSeconds(60), false));
    }

    void register(String teacherId, String country, Instant at) {
        send(teacherId, registration(teacherId, country, at, false));
    }

    void baseline(String teacherId, String country) {
        send(teacherId, registration(teacherId, country, NOW.minusSeconds(86_400 * 365), true));
    }

    static TeacherRegistered registration(
            String teacherId, String country, Instant at, boolean baseline) {
        return new TeacherRegistered(
                teacherId, country, country.toLowerCase(), at, Consents.none(), baseline);
    }

    void send(String key, TeacherRegistered event) {
        Headers headers =
                CloudEvent.create("/test", EventType.TEACHER_REGISTERED, event.registeredAt())
                        .writeTo(new RecordHeaders());
        registrations.pipeInput(new TestRecord<>(key, EventJson.write(event), headers));
    }

    /** A v1 record, as a producer not upgraded yet writes it (with name and address). */
    void sendV1(String key, TeacherRegisteredV1 event) {
        Headers headers =
                CloudEvent.create("/test", EventType.TEACHER_REGISTERED_V1, event.registeredAt())
                        .writeTo(new RecordHeaders());
        registrations.pipeInput(new TestRecord<>(key, EventJson.write(event), headers));
    }

    /** Lets wall-clock punctuations run (partial sums, count publication). */
    void tick() {
        driver.advanceWallClockTime(Duration.ofSeconds(2));
    }

    /** Every milestone record emitted so far, in order (reads the output topic). */
    List<TestRecord<String, byte[]>> milestoneRecords() {
        allMilestones.addAll(milestones.readRecordsToList());
        return allMilestones;
    }

    List<MilestoneEvent> events() {
        return milestoneRecords().stream().map(r -> (MilestoneEvent) decode(r)).toList();
    }

    List<String> reachedIds() {
        return events().stream()
                .filter(MilestoneReached.class::isInstance)
                .map(MilestoneEvent::milestoneId)
                .toList();
    }

    List<MilestoneApproaching> approaching() {
        return events().stream()
                .filter(MilestoneApproaching.class::isInstance)
                .map(MilestoneApproaching.class::cast)
                .toList();
    }

    MilestoneReached reached(String milestoneId) {
        return events().stream()
                .filter(e -> e instanceof MilestoneReached && e.milestoneId().equals(milestoneId))
                .map(MilestoneReached.class::cast)
                .findFirst()
                .orElseThrow(() -> new AssertionError("no " + milestoneId + " in " + events()));
    }

    private static Object decode(TestRecord<String, byte[]> record) {
        return EventSerde.of(MilestoneEvent.class)
                .deserializer()
                .deserialize(Topics.MILESTONES, record.headers(), record.value());
    }

    long count(String scopeId) {
        ScopeCount count = counts().get(scopeId);
        return count == null ? 0 : count.count();
    }

    KeyValueStore<String, ScopeCount> counts() {
        return driver.getKeyValueStore(CountingTopology.COUNTS_STORE);
    }

    /**
     * The bytes under a typed store, as a changelog restore writes them (to plant values of an
     * earlier format, or to see the format written).
     */
    @SuppressWarnings("unchecked")
    KeyValueStore<Bytes, byte[]> rawValues(String store) {
        var typed = (WrappedStateStore<?, ?, ?>) driver.getKeyValueStore(store);
        return (KeyValueStore<Bytes, byte[]>) typed.wrapped();
    }

    /** The latest count per scope published on {@code milestone-counts}. */
    Map<String, ScopeCount> publishedCounts() {
        Map<String, ScopeCount> latest = new LinkedHashMap<>();
        for (KeyValue<String, ScopeCount> kv : published.readKeyValuesToList()) {
            latest.put(kv.key, kv.value);
        }
        return latest;
    }

    @Override
    public void close() {
        driver.close();
        try {
            FileSystemUtils.deleteRecursively(stateDir);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
