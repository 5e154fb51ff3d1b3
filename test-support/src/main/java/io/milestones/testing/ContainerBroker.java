package io.milestones.testing;

import org.testcontainers.kafka.KafkaContainer;

/** A broker in a Testcontainers {@code apache/kafka} container (KRaft, single node). */
final class ContainerBroker implements KafkaBroker {

    /** The image, matching the Kafka client version Spring Boot brings. */
    static final String IMAGE = "apache/kafka:4.1.2";

    private final KafkaContainer container;

    private ContainerBroker(KafkaContainer container) {
        this.container = container;
    }

    @SuppressWarnings("resource") // closed by close()
    static ContainerBroker start() {
        KafkaContainer container =
                new KafkaContainer(IMAGE)
                        .withEnv("KAFKA_TRANSACTION_STATE_LOG_REPLICATION_FACTOR", "1")
                        .withEnv("KAFKA_TRANSACTION_STATE_LOG_MIN_ISR", "1")
                        .withEnv("KAFKA_TRANSACTION_STATE_LOG_NUM_PARTITIONS", "1")
                        .withEnv("KAFKA_OFFSETS_TOPIC_NUM_PARTITIONS", "1")
                        .withEnv("KAFKA_GROUP_INITIAL_REBALANCE_DELAY_MS", "0")
                        .withEnv("KAFKA_NUM_PARTITIONS", "6");
        container.start();
        return new ContainerBroker(container);
    }

    @Override
    public String bootstrapServers() {
        return container.getBootstrapServers();
    }

    @Override
    public String description() {
        return "Testcontainers " + IMAGE + " at " + bootstrapServers();
    }

    @Override
    public void close() {
        container.stop();
    }
}
