package io.milestones.bench.b1;

import static org.awaitility.Awaitility.await;

import io.milestones.events.Topics;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;

/**
 * The topics milestone-service creates (six partitions each), and a fresh start of its outputs
 * between runs: the service's milestone history (read back from {@code milestones}) must not let a
 * later run skip what an earlier run announced.
 */
public final class BenchTopics {

    private static final List<String> OUTPUTS =
            List.of(
                    Topics.deadLetter(Topics.REGISTRATIONS),
                    Topics.MILESTONES,
                    Topics.MILESTONE_COUNTS,
                    Topics.MILESTONE_COUNT_HISTORY);

    private BenchTopics() {}

    /**
     * {@code registrations} and the service's outputs; and one transaction and one group commit, so
     * that the broker's {@code __transaction_state} and {@code __consumer_offsets} exist before the
     * first measured run (a fresh broker creates them, 50 partitions each, on first use).
     */
    public static void create(String bootstrap) throws ExecutionException, InterruptedException {
        try (Admin admin = admin(bootstrap)) {
            admin.createTopics(
                            List.of(
                                    new NewTopic(Topics.REGISTRATIONS, 6, (short) 1),
                                    new NewTopic(WARM_UP, 1, (short) 1)))
                    .all()
                    .get();
        }
        createOutputs(bootstrap);
        warmUp(bootstrap);
    }

    private static final String WARM_UP = "bench-warm-up";

    private static void warmUp(String bootstrap) {
        try (var producer =
                new KafkaProducer<>(
                        Map.<String, Object>of(
                                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG,
                                bootstrap,
                                ProducerConfig.TRANSACTIONAL_ID_CONFIG,
                                "bench-warm-up"),
                        new StringSerializer(),
                        new StringSerializer())) {
            producer.initTransactions();
            producer.beginTransaction();
            producer.send(new ProducerRecord<>(WARM_UP, "k", "v"));
            producer.commitTransaction();
        }
        try (var consumer =
                new KafkaConsumer<>(
                        Map.<String, Object>of(
                                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap,
                                ConsumerConfig.GROUP_ID_CONFIG, "bench-warm-up",
                                ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest"),
                        new StringDeserializer(),
                        new StringDeserializer())) {
            consumer.subscribe(List.of(WARM_UP));
            await().atMost(Duration.ofMinutes(1))
                    .until(() -> !consumer.poll(Duration.ofMillis(100)).isEmpty());
            consumer.commitSync();
        }
    }

    /** Deletes and re-creates the service's output topics. */
    public static void resetOutputs(String bootstrap)
            throws ExecutionException, InterruptedException {
        try (Admin admin = admin(bootstrap)) {
            admin.deleteTopics(OUTPUTS).all().get();
            await().atMost(Duration.ofMinutes(1))
                    .pollInterval(Duration.ofMillis(100))
                    .until(
                            () ->
                                    admin.listTopics().names().get().stream()
                                            .noneMatch(OUTPUTS::contains));
        }
        await().atMost(Duration.ofMinutes(1))
                .pollInterval(Duration.ofMillis(200))
                .ignoreExceptions()
                .until(
                        () -> {
                            createOutputs(bootstrap);
                            return true;
                        });
    }

    private static void createOutputs(String bootstrap)
            throws ExecutionException, InterruptedException {
        try (Admin admin = admin(bootstrap)) {
            admin.createTopics(
                            List.of(
                                    new NewTopic(OUTPUTS.get(0), 6, (short) 1),
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

    static Admin admin(String bootstrap) {
        return Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap));
    }
}
