package io.milestones.milestone.counting;

import static org.assertj.core.api.Assertions.assertThat;

import io.milestones.events.CloudEvent;
import io.milestones.events.Consents;
import io.milestones.events.EventJson;
import io.milestones.events.EventSerde;
import io.milestones.events.EventType;
import io.milestones.events.MilestoneApproaching;
import io.milestones.events.MilestoneEvent;
import io.milestones.events.MilestoneReached;
import io.milestones.events.TeacherRegistered;
import io.milestones.events.Topics;
import io.milestones.testing.KafkaTestClients;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.ExecutionException;
import java.util.stream.Collectors;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;

/**
 * A deterministic load for the broker-backed tests: distinct teachers over ten countries, a share
 * of them delivered twice, a few poison records; what the counts and milestones must be afterwards.
 */
final class RegistrationLoad {

    static final List<String> COUNTRIES =
            List.of("IT", "PL", "ES", "FR", "DE", "RO", "GR", "PT", "TR", "UA");
    static final Instant START = Instant.parse("2021-11-01T00:00:00Z");
    static final int POISON = 7;

    final int teachers;
    final List<ProducerRecord<String, byte[]>> records = new ArrayList<>();

    /**
     * @param teachers distinct teachers
     * @param duplicateShare re-deliveries of already sent teachers, as a share of {@code teachers}
     */
    RegistrationLoad(int teachers, double duplicateShare) {
        this.teachers = teachers;
        Random random = new Random(42);
        List<ProducerRecord<String, byte[]>> distinct = new ArrayList<>();
        for (int i = 0; i < teachers; i++) {
            distinct.add(record(i));
        }
        int duplicates = (int) Math.round(teachers * duplicateShare);
        int poisonEvery = (teachers + duplicates) / (POISON + 1);
        int sent = 0;
        for (int i = 0; i < teachers; i++) {
            records.add(distinct.get(i));
            if (random.nextDouble() < duplicateShare && sent < duplicates) {
                records.add(distinct.get(random.nextInt(i + 1)));
                sent++;
            }
        }
        while (sent < duplicates) {
            records.add(distinct.get(random.nextInt(teachers)));
            sent++;
        }
        for (int p = 1; p <= POISON; p++) {
            records.add(
                    p * poisonEvery,
                    new ProducerRecord<>(
                            Topics.REGISTRATIONS,
                            "poison-" + p,
                            ("{\"teacherId\":\"poison-" + p).getBytes(StandardCharsets.UTF_8)));
        }
    }

    static String country(int i) {
        return COUNTRIES.get(i % COUNTRIES.size());
    }

    private static ProducerRecord<String, byte[]> record(int i) {
        String id = "t-%06d".formatted(i);
        String country = country(i);
        Instant at = START.plusSeconds(30L * i);
        var event =
                new TeacherRegistered(
                        id, country, country.toLowerCase(), at, Consents.none(), false);
        var record = new ProducerRecord<>(Topics.REGISTRATIONS, id, EventJson.write(event));
        CloudEvent.create("/load", EventType.TEACHER_REGISTERED, at).writeTo(record.headers());
        return record;
    }

    int size() {
        return records.size();
    }

    void produce(String bootstrap, int from, int to) throws Exception {
        try (var producer =
                new KafkaProducer<>(
                        Map.<String, Object>of(
                                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG,
                                bootstrap,
                                ProducerConfig.LINGER_MS_CONFIG,
                                5),
                        new StringSerializer(),
                        new ByteArraySerializer())) {
            for (var record : records.subList(from, to)) {
                producer.send(record);
            }
            producer.flush();
        }
    }

    /** The exact count of every scope once all is counted. */
    Map<String, Long> expectedCounts() {
        Map<String, Long> counts = new TreeMap<>();
        counts.put("global", (long) teachers);
        for (int i = 0; i < teachers; i++) {
            counts.merge("country:" + country(i), 1L, Long::sum);
            counts.merge("language:" + country(i).toLowerCase(), 1L, Long::sum);
        }
        return counts;
    }

    /** Every milestone the {@link CountingApp#RULES} announce for these counts. */
    Set<String> expectedMilestones() {
        Set<String> ids = new TreeSet<>();
        expectedCounts()
                .forEach(
                        (scope, count) -> {
                            var rule =
                                    CountingApp.RULES.ruleFor(
                                            io.milestones.events.Scope.fromId(scope));
                            rule.crossed(0, count).forEach(t -> ids.add(scope + ":" + t));
                        });
        return ids;
    }

    static void createTopics(String bootstrap) throws ExecutionException, InterruptedException {
        try (Admin admin = admin(bootstrap)) {
            admin.createTopics(
                            List.of(
                                    new NewTopic(Topics.REGISTRATIONS, 6, (short) 1),
                                    new NewTopic(
                                            Topics.deadLetter(Topics.REGISTRATIONS), 6, (short) 1),
                                    compacted(Topics.MILESTONES),
                                    compacted(Topics.MILESTONE_COUNTS),
                                    compacted(Topics.MILESTONE_COUNT_HISTORY)))
                    .all()
                    .get();
        }
    }

    private static NewTopic compacted(String name) {
        return new NewTopic(name, 6, (short) 1).configs(Map.of("cleanup.policy", "compact"));
    }

    /** Records of {@code registrations} the application has committed as consumed. */
    static long committed(String bootstrap, String applicationId) throws Exception {
        try (Admin admin = admin(bootstrap)) {
            return admin
                    .listConsumerGroupOffsets(applicationId)
                    .partitionsToOffsetAndMetadata()
                    .get()
                    .entrySet()
                    .stream()
                    .filter(e -> e.getKey().topic().equals(Topics.REGISTRATIONS))
                    .filter(e -> e.getValue() != null)
                    .mapToLong(e -> e.getValue().offset())
                    .sum();
        }
    }

    /** The latest committed count of every scope on {@code milestone-counts}. */
    static Map<String, Long> publishedCounts(String bootstrap) {
        Map<String, Long> latest = new TreeMap<>();
        var deserializer = EventSerde.plain(ScopeCount.class).deserializer();
        for (var record : KafkaTestClients.readCommitted(bootstrap, Topics.MILESTONE_COUNTS)) {
            latest.put(
                    record.key(),
                    deserializer.deserialize(Topics.MILESTONE_COUNTS, record.value()).count());
        }
        return latest;
    }

    /**
     * Asserts on the committed {@code milestones}: each expected milestone exactly once, nothing
     * else, and each approach at most once; and each poison record dead-lettered exactly once.
     */
    void assertEachMilestoneExactlyOnce(String bootstrap) {
        List<MilestoneEvent> events =
                KafkaTestClients.readCommitted(bootstrap, Topics.MILESTONES).stream()
                        .map(
                                r ->
                                        EventSerde.of(MilestoneEvent.class)
                                                .deserializer()
                                                .deserialize(
                                                        Topics.MILESTONES, r.headers(), r.value()))
                        .toList();
        Map<String, Long> reached =
                events.stream()
                        .filter(MilestoneReached.class::isInstance)
                        .collect(
                                Collectors.groupingBy(
                                        MilestoneEvent::milestoneId, Collectors.counting()));
        assertThat(reached.keySet()).containsExactlyInAnyOrderElementsOf(expectedMilestones());
        assertThat(reached).allSatisfy((id, times) -> assertThat(times).as(id).isEqualTo(1));
        Map<String, Long> approaches =
                events.stream()
                        .filter(MilestoneApproaching.class::isInstance)
                        .map(MilestoneApproaching.class::cast)
                        .collect(
                                Collectors.groupingBy(
                                        a -> a.milestoneId() + "@" + a.fraction(),
                                        Collectors.counting()));
        assertThat(approaches).isNotEmpty();
        assertThat(approaches).allSatisfy((id, times) -> assertThat(times).as(id).isEqualTo(1));
        events.stream()
                .filter(MilestoneReached.class::isInstance)
                .map(MilestoneReached.class::cast)
                .forEach(m -> assertThat(m.count()).isGreaterThanOrEqualTo(m.threshold()));

        assertThat(
                        KafkaTestClients.readCommitted(
                                bootstrap, Topics.deadLetter(Topics.REGISTRATIONS)))
                .extracting(r -> r.key())
                .containsExactlyInAnyOrderElementsOf(
                        java.util.stream.IntStream.rangeClosed(1, POISON)
                                .mapToObj(p -> "poison-" + p)
                                .toList());
    }

    private static Admin admin(String bootstrap) {
        return Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap));
    }
}
