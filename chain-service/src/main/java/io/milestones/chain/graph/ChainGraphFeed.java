package io.milestones.chain.graph;

import io.milestones.events.EventJson;
import io.milestones.events.EventSerde;
import io.milestones.events.Topics;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.WakeupException;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.kafka.autoconfigure.KafkaProperties;
import org.springframework.context.SmartLifecycle;

/**
 * Keeps {@link ChainGraphs} up to date: reads {@code social-chain} and {@code chain-moderation}
 * from the beginning at start (read_committed, every partition, no consumer group offsets) and then
 * follows them. The graph is a read model in memory, rebuilt on every start (docs/decisions/0701).
 */
class ChainGraphFeed implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(ChainGraphFeed.class);

    private final KafkaProperties kafkaProperties;
    private final ChainGraphs graphs;
    private final EventSerde.EventDeserializer events = new EventSerde.EventDeserializer();
    private volatile KafkaConsumer<String, byte[]> consumer;
    private volatile Thread thread;
    private volatile boolean caughtUp;

    ChainGraphFeed(KafkaProperties kafkaProperties, ChainGraphs graphs) {
        this.kafkaProperties = kafkaProperties;
        this.graphs = graphs;
    }

    /** True once everything on the topics at start has been read. */
    boolean caughtUp() {
        return caughtUp;
    }

    @Override
    public void start() {
        Map<String, Object> config = new HashMap<>(kafkaProperties.buildConsumerProperties());
        config.put(ConsumerConfig.GROUP_ID_CONFIG, "chain-service-graph-" + UUID.randomUUID());
        config.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        config.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        config.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        consumer =
                new KafkaConsumer<>(config, new StringDeserializer(), new ByteArrayDeserializer());
        thread = new Thread(this::run, "chain-graph-feed");
        thread.setDaemon(true);
        thread.start();
    }

    private void run() {
        try {
            List<TopicPartition> partitions = new ArrayList<>();
            for (String topic : List.of(Topics.SOCIAL_CHAIN, Topics.CHAIN_MODERATION)) {
                consumer.partitionsFor(topic, Duration.ofSeconds(60))
                        .forEach(p -> partitions.add(new TopicPartition(topic, p.partition())));
            }
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            Map<TopicPartition, Long> end = consumer.endOffsets(partitions);
            long started = System.nanoTime();
            long records = 0;
            while (!Thread.currentThread().isInterrupted()) {
                for (ConsumerRecord<String, byte[]> record : consumer.poll(Duration.ofSeconds(1))) {
                    apply(record);
                    records++;
                }
                if (!caughtUp
                        && partitions.stream()
                                .allMatch(tp -> consumer.position(tp) >= end.get(tp))) {
                    caughtUp = true;
                    log.info(
                            "chain graph rebuilt from {} records in {} ms",
                            records,
                            (System.nanoTime() - started) / 1_000_000);
                }
            }
        } catch (WakeupException e) {
            // stopping
        } catch (RuntimeException e) {
            log.error("the chain graph stopped following social-chain", e);
        } finally {
            consumer.close(Duration.ofSeconds(5));
        }
    }

    private void apply(ConsumerRecord<String, byte[]> record) {
        try {
            if (record.topic().equals(Topics.CHAIN_MODERATION)) {
                if (record.value() != null) {
                    var decision = EventJson.read(record.value(), ChainModeration.class);
                    graphs.hidden(decision.post(), decision.hidden());
                }
            } else {
                graphs.apply(events.deserialize(record.topic(), record.headers(), record.value()));
            }
        } catch (RuntimeException e) {
            // social-chain's poison records are milestone-service's dead letters; here they are
            // simply not part of the graph
            log.warn(
                    "chain graph skips an unreadable record at {}-{}@{}: {}",
                    record.topic(),
                    record.partition(),
                    record.offset(),
                    e.getMessage());
        }
    }

    @Override
    public void stop() {
        Thread running = thread;
        if (running != null) {
            consumer.wakeup();
            try {
                running.join(10_000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            thread = null;
        }
    }

    @Override
    public boolean isRunning() {
        return thread != null;
    }
}
