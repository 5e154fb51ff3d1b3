package io.milestones.bench.b1;

import io.milestones.events.EventSerde;
import io.milestones.events.TeacherRegistered;
import io.milestones.events.Topics;
import java.time.Duration;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.SerializationException;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.Deserializer;
import org.apache.kafka.common.serialization.StringDeserializer;

/**
 * The reference of B1: one {@code KafkaConsumer} poll loop over all partitions of {@code
 * registrations}, from the beginning to the end. Either bytes only (the fetch path alone) or, to be
 * fair to the service, each value read with the service's deserializer (JSON + CloudEvents headers,
 * the key checked), de-duplicated by teacherId in a {@code HashSet} and counted per country in a
 * {@code HashMap} — the same logical result, in memory, without durability.
 */
public final class RawDrain {

    private RawDrain() {}

    /** Seconds to read every record; the counts are checked against the load. */
    public static double drain(String bootstrap, RegistrationLoad load, boolean deserialize) {
        Deserializer<Object> deserializer =
                EventSerde.anyOf(TeacherRegistered.class).deserializer();
        Set<String> seen = new HashSet<>();
        Map<String, Long> countries = new HashMap<>();
        long start = System.nanoTime();
        try (var consumer =
                new KafkaConsumer<>(
                        Map.<String, Object>of(
                                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG,
                                bootstrap,
                                ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG,
                                false,
                                ConsumerConfig.ISOLATION_LEVEL_CONFIG,
                                "read_committed"),
                        new StringDeserializer(),
                        new ByteArrayDeserializer())) {
            List<TopicPartition> partitions =
                    consumer.partitionsFor(Topics.REGISTRATIONS).stream()
                            .map(p -> new TopicPartition(p.topic(), p.partition()))
                            .toList();
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            long read = 0;
            long bytes = 0;
            long dead = 0;
            while (read < load.records) {
                for (ConsumerRecord<String, byte[]> record :
                        consumer.poll(Duration.ofMillis(100))) {
                    read++;
                    if (!deserialize) {
                        bytes += record.serializedValueSize();
                        continue;
                    }
                    try {
                        Object event =
                                deserializer.deserialize(
                                        Topics.REGISTRATIONS, record.headers(), record.value());
                        if (event instanceof TeacherRegistered r
                                && r.teacherId().equals(record.key())
                                && seen.add(r.teacherId())) {
                            countries.merge(r.country(), 1L, Long::sum);
                        }
                    } catch (SerializationException e) {
                        dead++;
                    }
                }
            }
            double seconds = (System.nanoTime() - start) / 1e9;
            if (deserialize && (seen.size() != load.teachers || dead != load.poison)) {
                throw new IllegalStateException(
                        "raw count wrong: " + seen.size() + " teachers, " + dead + " poison");
            }
            if (!deserialize && bytes == 0) {
                throw new IllegalStateException("nothing read");
            }
            return seconds;
        }
    }
}
