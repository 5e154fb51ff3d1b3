package io.milestones.bench.b11;

import static org.awaitility.Awaitility.await;

import io.milestones.bench.Bench;
import io.milestones.bench.Benchmark;
import io.milestones.bench.Report;
import io.milestones.bench.b3.Database;
import io.milestones.bench.b6.Notifier;
import io.milestones.events.Topics;
import io.milestones.testing.EmbeddedKraftBroker;
import java.nio.file.Files;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.config.TopicConfig;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;

/**
 * B11: subscriber ingestion. A topic pair preloaded with {@code bench.registrations} consenting
 * registrations plus redeliveries, erasures and re-registrations ({@link Workload});
 * notifier-service started on it: consenting registrations per second until its {@code
 * notifier-subscribers} group has no lag, then its subscriptions compared with the exact expected
 * set. Reference: the same records as multi-row upserts straight into the same database ({@link
 * UpsertReference}).
 */
public final class B11Benchmark implements Benchmark {

    static final String GROUP = "notifier-subscribers";

    /** Figures of the code before batching, measured with this harness (see docs/benchmarks.md). */
    static final String BEFORE =
            "Before (the record listener of main at df5b088: a Kafka transaction per 10 records,"
                    + " three look-ups and five statements per record, each committed on its own),"
                    + " same harness and machine, 2026-12-06 00:36 UTC with"
                    + " -Dbench.registrations=3000 while other builds loaded it (load 9–14):"
                    + " PostgreSQL 20 registrations/s (148.1 s), H2 16/s (183.3 s); the references"
                    + " 9,983/s and 8,783/s. And not exact: 2,855 subscriptions of 2,880 on both,"
                    + " 25 of 30 re-registrations erased by their own earlier TeacherErased, read"
                    + " after them from registrations-v2 (decision 0305).";

    @Override
    public String id() {
        return "B11";
    }

    @Override
    public String title() {
        return "Subscriber ingestion: consenting registrations/s into subscriptions (H2, PostgreSQL)"
                + " against a multi-row upsert";
    }

    record Run(String database, long nanos, int registrations, int records) {
        double perSecond() {
            return registrations / (nanos / 1e9);
        }
    }

    @Override
    public Report run() throws Exception {
        int teachers = Bench.setting("registrations", 200_000);
        Duration atMost = Duration.ofMinutes(Bench.setting("timeoutMinutes", 30));
        List<String> kinds = List.of(System.getProperty("bench.db", "postgres,h2").split(","));
        // the reference slows as its tables grow (1,001/s at a million on PostgreSQL, 17 min)
        boolean withReference =
                Boolean.parseBoolean(System.getProperty("bench.b11.reference", "true"));
        Workload workload = new Workload(teachers);
        Map<String, String> expected = workload.expected();
        List<Run> notifier = new ArrayList<>();
        List<Run> reference = new ArrayList<>();
        int[] records = new int[1];
        for (String kind : kinds) {
            try (var broker = EmbeddedKraftBroker.start();
                    var database = Database.of(kind, "b11")) {
                records[0] = publish(broker.bootstrapServers(), workload);
                Bench.out.printf(
                        "   %s: %,d records published (%,d registrations, %,d redeliveries, %,d"
                                + " erasures, %,d re-registrations); starting notifier-service%n",
                        database.name(),
                        records[0],
                        teachers,
                        workload.redeliveries(),
                        workload.erasures(),
                        workload.reregistrations());
                var context =
                        Notifier.start(
                                broker.bootstrapServers(),
                                25,
                                Files.createTempDirectory("b11-"),
                                Map.of(
                                        "spring.datasource.url", database.url(),
                                        "spring.datasource.username", database.user()));
                long nanos;
                try {
                    await().atMost(Duration.ofMinutes(1))
                            .pollInterval(Duration.ofMillis(10))
                            .until(() -> Notifier.assigned(context));
                    long t0 = System.nanoTime();
                    awaitNoLag(broker.bootstrapServers(), atMost);
                    nanos = System.nanoTime() - t0;
                } finally {
                    context.close();
                }
                Bench.out.printf(
                        Locale.ROOT, "   %s: notifier took %.1f s%n", database.name(), nanos / 1e9);
                // a record set aside is a subscription missing: say which, before comparing
                Map<String, List<String>> deadLetters = deadLetters(broker.bootstrapServers());
                Bench.out.printf("   %s: dead letters %s%n", database.name(), deadLetters);
                verify(database, expected);
                var run = new Run(database.name(), nanos, teachers, records[0]);
                notifier.add(run);
                Bench.out.printf(
                        Locale.ROOT,
                        "   %s: notifier %,.0f registrations/s, subscriptions exact (%,d)%n",
                        database.name(),
                        run.perSecond(),
                        expected.size());
            }
            if (!withReference) {
                continue; // -Dbench.b11.reference=false: the notifier's figure alone
            }
            try (var database = Database.of(kind, "b11ref")) {
                long nanos = UpsertReference.run(database, workload);
                verify(database, expected);
                var run = new Run(database.name(), nanos, teachers, records[0]);
                reference.add(run);
                Bench.out.printf(
                        Locale.ROOT,
                        "   %s: reference %,.0f registrations/s%n",
                        database.name(),
                        run.perSecond());
            }
        }
        return report(workload, teachers, records[0], notifier, reference);
    }

    private static int publish(String bootstrap, Workload workload) throws Exception {
        try (var admin =
                Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap))) {
            admin.createTopics(
                            List.of(
                                    new NewTopic(Topics.REGISTRATIONS, 6, (short) 1),
                                    new NewTopic(Topics.TEACHER_CONTACTS, 6, (short) 1)
                                            .configs(
                                                    Map.of(
                                                            TopicConfig.CLEANUP_POLICY_CONFIG,
                                                            TopicConfig.CLEANUP_POLICY_COMPACT))))
                    .all()
                    .get();
        }
        int[] count = new int[1];
        // Every send is checked: on a loaded machine a request can time out and the idempotent
        // producer then fails its batch (OutOfOrderSequenceException), and a record silently
        // missing from the topic is a subscription missing at the end.
        java.util.concurrent.atomic.AtomicInteger failed =
                new java.util.concurrent.atomic.AtomicInteger();
        java.util.concurrent.atomic.AtomicReference<Exception> firstFailure =
                new java.util.concurrent.atomic.AtomicReference<>();
        try (var producer =
                new KafkaProducer<>(
                        Map.<String, Object>of(
                                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap,
                                ProducerConfig.LINGER_MS_CONFIG, 20,
                                ProducerConfig.BATCH_SIZE_CONFIG, 262_144,
                                // patient with a broker starved of CPU rather than failing
                                ProducerConfig.REQUEST_TIMEOUT_MS_CONFIG, 120_000,
                                ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG, 600_000),
                        new StringSerializer(),
                        new ByteArraySerializer())) {
            workload.forEach(
                    op -> {
                        var record = new ProducerRecord<>(op.topic(), op.key(), op.value());
                        if (op.event() != null) {
                            op.event().writeTo(record.headers());
                        }
                        producer.send(
                                record,
                                (metadata, error) -> {
                                    if (error != null) {
                                        failed.incrementAndGet();
                                        firstFailure.compareAndSet(null, error);
                                    }
                                });
                        count[0]++;
                    });
            producer.flush();
        }
        // What is on the topics decides (the producer is not transactional: one offset a record);
        // a send reported failed may still have been written by an earlier attempt.
        long written = 0;
        try (var admin =
                Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap))) {
            Map<TopicPartition, OffsetSpec> latest = new HashMap<>();
            for (String topic : List.of(Topics.REGISTRATIONS, Topics.TEACHER_CONTACTS)) {
                for (int p = 0; p < 6; p++) {
                    latest.put(new TopicPartition(topic, p), OffsetSpec.latest());
                }
            }
            for (var end : admin.listOffsets(latest).all().get().values()) {
                written += end.offset();
            }
        }
        if (failed.get() > 0 || written != count[0]) {
            Bench.out.printf(
                    "   %,d of %,d sends reported failed (first: %s); %,d records on the topics%n",
                    failed.get(), count[0], firstFailure.get(), written);
        }
        if (written != count[0]) {
            throw new IllegalStateException(
                    written + " records on the topics, " + count[0] + " published");
        }
        return count[0];
    }

    /** Until the notifier's subscriber group has committed every record of both topics. */
    private static void awaitNoLag(String bootstrap, Duration atMost) {
        try (var admin =
                Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap))) {
            Map<TopicPartition, OffsetSpec> latest = new HashMap<>();
            for (String topic : List.of(Topics.REGISTRATIONS, Topics.TEACHER_CONTACTS)) {
                for (int p = 0; p < 6; p++) {
                    latest.put(new TopicPartition(topic, p), OffsetSpec.latest());
                }
            }
            await().atMost(atMost)
                    .pollInterval(Duration.ofMillis(100))
                    .until(
                            () -> {
                                var ends = admin.listOffsets(latest).all().get();
                                Map<TopicPartition, OffsetAndMetadata> committed =
                                        admin.listConsumerGroupOffsets(GROUP)
                                                .partitionsToOffsetAndMetadata()
                                                .get();
                                return ends.entrySet().stream()
                                        .allMatch(
                                                e -> {
                                                    var c = committed.get(e.getKey());
                                                    return c != null
                                                            && c.offset() >= e.getValue().offset();
                                                });
                            });
        }
    }

    /** The keys (teacher ids) of the committed records in the subscriber listener's DLTs. */
    private static Map<String, List<String>> deadLetters(String bootstrap) {
        Map<String, List<String>> keys = new java.util.TreeMap<>();
        try (var consumer =
                new org.apache.kafka.clients.consumer.KafkaConsumer<String, byte[]>(
                        Map.<String, Object>of(
                                org.apache.kafka.clients.consumer.ConsumerConfig
                                        .BOOTSTRAP_SERVERS_CONFIG,
                                bootstrap,
                                org.apache.kafka.clients.consumer.ConsumerConfig
                                        .ISOLATION_LEVEL_CONFIG,
                                "read_committed",
                                org.apache.kafka.clients.consumer.ConsumerConfig
                                        .ALLOW_AUTO_CREATE_TOPICS_CONFIG,
                                false),
                        new org.apache.kafka.common.serialization.StringDeserializer(),
                        new org.apache.kafka.common.serialization.ByteArrayDeserializer())) {
            for (String topic :
                    List.of(
                            Topics.deadLetter(Topics.TEACHER_CONTACTS),
                            Topics.deadLetter(Topics.REGISTRATIONS))) {
                List<String> found = new ArrayList<>();
                keys.put(topic, found);
                var partitions = consumer.partitionsFor(topic, Duration.ofSeconds(10));
                if (partitions == null || partitions.isEmpty()) {
                    continue;
                }
                List<TopicPartition> all =
                        partitions.stream()
                                .map(p -> new TopicPartition(topic, p.partition()))
                                .toList();
                consumer.assign(all);
                consumer.seekToBeginning(all);
                Map<TopicPartition, Long> ends = consumer.endOffsets(all);
                long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
                while (all.stream().anyMatch(tp -> consumer.position(tp) < ends.get(tp))
                        && System.nanoTime() < deadline) {
                    consumer.poll(Duration.ofMillis(200)).forEach(r -> found.add(r.key()));
                }
            }
        }
        return keys;
    }

    /** Exactly the expected subscriptions: teacher, address, status and scopes. */
    static void verify(Database database, Map<String, String> expected) throws SQLException {
        Map<String, String> found = new HashMap<>();
        Map<String, Set<String>> scopes = new HashMap<>();
        try (Connection c = database.connect();
                ResultSet rows =
                        c.createStatement()
                                .executeQuery(
                                        "select teacher_id, email, status from subscriptions")) {
            while (rows.next()) {
                String teacher = rows.getString(1);
                if (!Workload.email(teacher).equals(rows.getString(2))
                        || !"CONFIRMED".equals(rows.getString(3))) {
                    throw new IllegalStateException("wrong subscription of " + teacher);
                }
                found.put(teacher, "");
            }
            try (ResultSet scoped =
                    c.createStatement()
                            .executeQuery(
                                    "select s.teacher_id, sc.scope from subscription_scopes sc"
                                            + " join subscriptions s on s.id = sc.subscription_id")) {
                while (scoped.next()) {
                    scopes.computeIfAbsent(scoped.getString(1), k -> new HashSet<>())
                            .add(scoped.getString(2));
                }
            }
        }
        if (!found.keySet().equals(expected.keySet())) {
            Set<String> missing = new HashSet<>(expected.keySet());
            missing.removeAll(found.keySet());
            Set<String> extra = new HashSet<>(found.keySet());
            extra.removeAll(expected.keySet());
            throw new IllegalStateException(
                    "subscriptions differ: "
                            + found.size()
                            + " found, "
                            + expected.size()
                            + " expected; missing "
                            + missing.stream().sorted().limit(20).toList()
                            + ", unexpected "
                            + extra.stream().sorted().limit(20).toList());
        }
        for (var e : expected.entrySet()) {
            if (!Set.of("global", "country:" + e.getValue()).equals(scopes.get(e.getKey()))) {
                throw new IllegalStateException(
                        "scopes of " + e.getKey() + ": " + scopes.get(e.getKey()));
            }
        }
    }

    private Report report(
            Workload workload, int teachers, int records, List<Run> notifier, List<Run> reference) {
        var report =
                new Report(this)
                        .setup(
                                String.format(
                                        Locale.ROOT,
                                        "%,d consenting registrations (%,d records on"
                                                + " registrations-v2 and teacher-contacts, 6"
                                                + " partitions each) with %,d redeliveries (the same"
                                                + " contact record again), %,d erasures"
                                                + " (TeacherErased and the tombstone) and %,d"
                                                + " re-registrations after erasure mixed in,"
                                                + " published before notifier-service starts",
                                        teachers,
                                        records,
                                        workload.redeliveries(),
                                        workload.erasures(),
                                        workload.reregistrations()))
                        .setup(
                                "timed from the subscriber listener's partition assignment until"
                                        + " group notifier-subscribers has committed every"
                                        + " record; then every subscription (teacher, address,"
                                        + " status, scopes) compared with the exact expected set")
                        .setup(
                                "reference: the same contact records and tombstones straight"
                                        + " into the same tables, "
                                        + UpsertReference.BATCH
                                        + " per transaction, one multi-row upsert (PostgreSQL"
                                        + " INSERT ... ON CONFLICT, H2 MERGE) of subscriptions"
                                        + " and one of scopes per batch; H2 is a file database"
                                        + " with WRITE_DELAY=0 as shipped")
                        .columns(
                                "variant",
                                "database",
                                "registrations",
                                "s",
                                "registrations/s",
                                "vs reference");
        for (int i = 0; i < notifier.size(); i++) {
            Run n = notifier.get(i);
            Run r = i < reference.size() ? reference.get(i) : null;
            report.row(
                    "notifier-service, subscriber listener",
                    n.database(),
                    Report.number(n.registrations()),
                    Report.decimal(n.nanos() / 1e9),
                    Report.number(n.perSecond()),
                    r == null ? "not run" : Report.ratio(n.perSecond(), r.perSecond()));
            if (r != null) {
                report.row(
                        "multi-row upsert straight into the tables",
                        r.database(),
                        Report.number(r.registrations()),
                        Report.decimal(r.nanos() / 1e9),
                        Report.number(r.perSecond()),
                        "1.00×");
            }
        }
        if (!BEFORE.isBlank()) {
            report.note(BEFORE);
        }
        return report.note(
                "Subscriptions exact after every run: "
                        + notifier.stream().map(Run::database).collect(Collectors.joining(" and "))
                        + ".");
    }
}
