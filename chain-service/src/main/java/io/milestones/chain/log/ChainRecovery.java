package io.milestones.chain.log;

import io.milestones.events.EventJson;
import io.milestones.events.EventSerde;
import io.milestones.events.Topics;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Consumer;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.kafka.autoconfigure.KafkaProperties;
import org.springframework.stereotype.Component;

/**
 * At start-up, reads back what earlier runs committed (read_committed): the last position of every
 * stream from {@code chain-cursors}, and every event of {@code social-chain} into {@link
 * ChainState}.
 */
@Component
public class ChainRecovery {

    private static final Logger log = LoggerFactory.getLogger(ChainRecovery.class);

    private final KafkaProperties kafkaProperties;
    private final ChainState state;

    ChainRecovery(KafkaProperties kafkaProperties, ChainState state) {
        this.kafkaProperties = kafkaProperties;
        this.state = state;
    }

    /** The committed positions by stream; fills {@link ChainState} on the way. */
    public Map<String, String> recover() {
        Map<String, String> positions = new HashMap<>();
        readAll(
                Topics.CHAIN_CURSORS,
                record -> {
                    if (record.value() != null) {
                        positions.put(
                                record.key(),
                                EventJson.read(record.value(), ChainCursor.class).position());
                    }
                });
        var deserializer = new EventSerde.EventDeserializer();
        int[] events = {0};
        readAll(
                Topics.SOCIAL_CHAIN,
                record -> {
                    try {
                        state.committed(
                                deserializer.deserialize(
                                        record.topic(), record.headers(), record.value()));
                        events[0]++;
                    } catch (RuntimeException e) {
                        log.warn(
                                "skipping an unreadable record at {}-{}@{}: {}",
                                record.topic(),
                                record.partition(),
                                record.offset(),
                                e.getMessage());
                    }
                });
        log.info(
                "recovered {} chain events ({} live posts) and positions {}",
                events[0],
                state.livePosts(),
                positions);
        return positions;
    }

    private void readAll(String topic, Consumer<ConsumerRecord<String, byte[]>> sink) {
        Map<String, Object> config = new HashMap<>(kafkaProperties.buildConsumerProperties());
        config.put(ConsumerConfig.GROUP_ID_CONFIG, "chain-service-recovery-" + UUID.randomUUID());
        config.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        config.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        config.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        try (var consumer =
                new KafkaConsumer<>(
                        config, new StringDeserializer(), new ByteArrayDeserializer())) {
            List<TopicPartition> partitions =
                    consumer.partitionsFor(topic, Duration.ofSeconds(30)).stream()
                            .map(p -> new TopicPartition(topic, p.partition()))
                            .toList();
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            Map<TopicPartition, Long> end = consumer.endOffsets(partitions);
            while (partitions.stream().anyMatch(tp -> consumer.position(tp) < end.get(tp))) {
                consumer.poll(Duration.ofMillis(200)).forEach(sink);
            }
        }
    }
}
