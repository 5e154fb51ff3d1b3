package io.milestones.bench.b5;

import io.milestones.events.CloudEvent;
import io.milestones.events.EventJson;
import io.milestones.events.EventType;
import io.milestones.events.MilestoneReached;
import io.milestones.events.Topics;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.WakeupException;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;

/**
 * A read_committed consumer of the {@code registrations} and {@code milestones} topics in its own
 * thread: records when each teacher's registration and each {@link MilestoneReached} become visible
 * to consumers ({@link System#nanoTime()} of the poll that returned them). Short fetch waits, so
 * that the watcher itself adds no measurable delay.
 */
final class TopicWatcher implements AutoCloseable {

    /** A milestone as the bench saw it. */
    record Seen(MilestoneReached milestone, long atNanos) {}

    private final KafkaConsumer<String, byte[]> consumer;
    private final Map<String, Seen> seen = new ConcurrentHashMap<>();
    private final Map<String, Long> registered = new ConcurrentHashMap<>();
    private final Thread thread;
    private volatile boolean running = true;

    TopicWatcher(String bootstrapServers, int partitions) {
        consumer =
                new KafkaConsumer<>(
                        Map.of(
                                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG,
                                bootstrapServers,
                                ConsumerConfig.ISOLATION_LEVEL_CONFIG,
                                "read_committed",
                                ConsumerConfig.FETCH_MAX_WAIT_MS_CONFIG,
                                10,
                                ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG,
                                false),
                        new StringDeserializer(),
                        new ByteArrayDeserializer());
        var assigned =
                java.util.stream.Stream.of(Topics.MILESTONES, Topics.REGISTRATIONS)
                        .flatMap(
                                topic ->
                                        java.util.stream.IntStream.range(0, partitions)
                                                .mapToObj(p -> new TopicPartition(topic, p)))
                        .toList();
        consumer.assign(assigned);
        consumer.seekToBeginning(assigned);
        thread = new Thread(this::poll, "b5-milestone-watcher");
        thread.setDaemon(true);
        thread.start();
    }

    private void poll() {
        try {
            while (running) {
                var records = consumer.poll(Duration.ofMillis(200));
                long now = System.nanoTime();
                for (ConsumerRecord<String, byte[]> record : records) {
                    if (record.topic().equals(Topics.REGISTRATIONS)) {
                        registered.putIfAbsent(record.key(), now);
                    } else if (CloudEvent.typeOf(record.headers())
                            .filter(t -> t == EventType.MILESTONE_REACHED)
                            .isPresent()) {
                        var milestone = EventJson.read(record.value(), MilestoneReached.class);
                        seen.putIfAbsent(milestone.milestoneId(), new Seen(milestone, now));
                    }
                }
            }
        } catch (WakeupException stopping) {
            // closed
        } finally {
            consumer.close();
        }
    }

    /** The milestone of this id, if it has been seen. */
    Optional<Seen> seen(String milestoneId) {
        return Optional.ofNullable(seen.get(milestoneId));
    }

    /** When the registration of {@code teacherId} became visible on its topic, or null. */
    Long registered(String teacherId) {
        return registered.get(teacherId);
    }

    @Override
    public void close() throws InterruptedException {
        running = false;
        consumer.wakeup();
        thread.join(5_000);
    }
}
