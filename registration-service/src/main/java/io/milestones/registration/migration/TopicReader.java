package io.milestones.registration.migration;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.function.Consumer;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.springframework.kafka.core.ConsumerFactory;
import org.springframework.stereotype.Component;

/**
 * Reads a topic from its beginning up to the end offsets it had when the read started: no consumer
 * group, no committed offset, so a migration can be read as often as needed.
 */
@Component
class TopicReader {

    private final ConsumerFactory<?, ?> consumers;

    TopicReader(ConsumerFactory<?, ?> consumers) {
        this.consumers = consumers;
    }

    boolean exists(String topic) {
        try (var consumer = open()) {
            var infos = consumer.partitionsFor(topic, Duration.ofSeconds(10));
            return infos != null && !infos.isEmpty();
        }
    }

    /** How many records the topic holds now (end minus beginning offsets, all partitions). */
    long size(String topic) {
        try (var consumer = open()) {
            List<TopicPartition> partitions = partitions(consumer, topic);
            Map<TopicPartition, Long> end = consumer.endOffsets(partitions);
            Map<TopicPartition, Long> begin = consumer.beginningOffsets(partitions);
            return partitions.stream().mapToLong(p -> end.get(p) - begin.get(p)).sum();
        }
    }

    /**
     * Calls {@code batch} with each poll's records, oldest first per partition.
     *
     * @throws IllegalStateException when the topic does not exist
     */
    void read(String topic, Duration pollTimeout, Consumer<ConsumerRecords<String, byte[]>> batch) {
        try (var consumer = open()) {
            List<TopicPartition> partitions = partitions(consumer, topic);
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            Map<TopicPartition, Long> end = consumer.endOffsets(partitions);
            while (partitions.stream().anyMatch(p -> consumer.position(p) < end.get(p))) {
                ConsumerRecords<String, byte[]> records = consumer.poll(pollTimeout);
                if (!records.isEmpty()) {
                    batch.accept(records);
                }
            }
        }
    }

    @SuppressWarnings("unchecked")
    private org.apache.kafka.clients.consumer.Consumer<String, byte[]> open() {
        Properties overrides = new Properties();
        overrides.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class);
        overrides.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class);
        overrides.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        overrides.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        overrides.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        return (org.apache.kafka.clients.consumer.Consumer<String, byte[]>)
                consumers.createConsumer(null, "registrations-migration", null, overrides);
    }

    private static List<TopicPartition> partitions(
            org.apache.kafka.clients.consumer.Consumer<String, byte[]> consumer, String topic) {
        var infos = consumer.partitionsFor(topic, Duration.ofSeconds(10));
        if (infos == null || infos.isEmpty()) {
            throw new IllegalStateException("topic " + topic + " does not exist");
        }
        return infos.stream().map(i -> new TopicPartition(topic, i.partition())).toList();
    }

    /** Where a record is, for logs: never its content. */
    static String describe(ConsumerRecord<String, byte[]> record) {
        return record.topic() + "/" + record.partition() + "@" + record.offset();
    }
}
