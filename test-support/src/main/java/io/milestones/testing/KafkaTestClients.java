package io.milestones.testing;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutionException;
import java.util.stream.Collectors;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.ConsumerGroupDescription;
import org.apache.kafka.clients.admin.ListOffsetsResult.ListOffsetsResultInfo;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.GroupState;
import org.apache.kafka.common.KafkaException;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;

/** Plain Kafka clients for assertions on what really reached a topic. */
public final class KafkaTestClients {

    private KafkaTestClients() {}

    /**
     * Every record currently committed on {@code topic}, read from the beginning with {@code
     * isolation.level=read_committed}, so aborted transactional writes do not show.
     */
    public static List<ConsumerRecord<String, byte[]>> readCommitted(
            String bootstrapServers, String topic) {
        Map<String, Object> config =
                Map.of(
                        ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG,
                        bootstrapServers,
                        ConsumerConfig.GROUP_ID_CONFIG,
                        "test-reader-" + UUID.randomUUID(),
                        ConsumerConfig.AUTO_OFFSET_RESET_CONFIG,
                        "earliest",
                        ConsumerConfig.ISOLATION_LEVEL_CONFIG,
                        "read_committed",
                        ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG,
                        false);
        try (var consumer =
                new KafkaConsumer<>(
                        config, new StringDeserializer(), new ByteArrayDeserializer())) {
            return readToEnd(consumer, topic);
        } catch (KafkaException e) {
            // an AssertionError, so that Awaitility tries again instead of failing at once
            throw new AssertionError("could not read " + topic + ": " + e, e);
        }
    }

    private static List<ConsumerRecord<String, byte[]>> readToEnd(
            KafkaConsumer<String, byte[]> consumer, String topic) {
        var partitions =
                consumer.partitionsFor(topic, Duration.ofSeconds(10)).stream()
                        .map(p -> new TopicPartition(topic, p.partition()))
                        .toList();
        consumer.assign(partitions);
        consumer.seekToBeginning(partitions);
        Map<TopicPartition, Long> end = consumer.endOffsets(partitions);
        List<ConsumerRecord<String, byte[]>> records = new ArrayList<>();
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        while (partitions.stream().anyMatch(tp -> consumer.position(tp) < end.get(tp))) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("could not read " + topic + " to its end offsets " + end);
            }
            consumer.poll(Duration.ofMillis(200)).forEach(records::add);
        }
        return records;
    }

    /** Records written to {@code topic} so far: the sum of its partitions' end offsets. */
    public static long endOffset(String bootstrapServers, String topic)
            throws ExecutionException, InterruptedException {
        try (Admin admin = admin(bootstrapServers)) {
            Map<TopicPartition, OffsetSpec> latest =
                    admin
                            .describeTopics(List.of(topic))
                            .allTopicNames()
                            .get()
                            .get(topic)
                            .partitions()
                            .stream()
                            .collect(
                                    Collectors.toMap(
                                            p -> new TopicPartition(topic, p.partition()),
                                            p -> OffsetSpec.latest()));
            return admin.listOffsets(latest).all().get().values().stream()
                    .mapToLong(ListOffsetsResultInfo::offset)
                    .sum();
        }
    }

    /**
     * Whether every partition of {@code topic} has a leader that answers: a test awaits this before
     * it produces to a topic the application has just created. Produced earlier, the first batches
     * meet "not leader or follower", and an idempotent producer's retry of a batch the broker had
     * half taken can then fail with "out of order sequence number" for ever (the record never
     * arrives; seen in LateSubscribersIT).
     */
    public static boolean writable(String bootstrapServers, String topic) {
        try {
            endOffset(bootstrapServers, topic);
            return true;
        } catch (ExecutionException | RuntimeException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    /** How far {@code group} has committed on {@code topic}: the sum over its partitions. */
    public static long committedOffset(String bootstrapServers, String group, String topic)
            throws ExecutionException, InterruptedException {
        try (Admin admin = admin(bootstrapServers)) {
            return admin
                    .listConsumerGroupOffsets(group)
                    .partitionsToOffsetAndMetadata()
                    .get()
                    .entrySet()
                    .stream()
                    .filter(e -> e.getKey().topic().equals(topic) && e.getValue() != null)
                    .mapToLong(e -> e.getValue().offset())
                    .sum();
        }
    }

    /**
     * The members of consumer group {@code group} once it is stable, or -1 while it is not (empty,
     * rebalancing, unknown). A test that races one of a service's consumers against another waits
     * for the group's full size first: a member that joins late revokes the partitions of the first
     * and pauses it for the rebalance.
     */
    public static int stableMembers(String bootstrapServers, String group)
            throws ExecutionException, InterruptedException {
        try (Admin admin = admin(bootstrapServers)) {
            ConsumerGroupDescription description =
                    admin.describeConsumerGroups(List.of(group)).describedGroups().get(group).get();
            return description.groupState() == GroupState.STABLE
                    ? description.members().size()
                    : -1;
        }
    }

    private static Admin admin(String bootstrapServers) {
        return Admin.create(
                Map.<String, Object>of(
                        AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers));
    }
}
