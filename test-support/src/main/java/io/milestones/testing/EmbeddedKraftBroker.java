package io.milestones.testing;

import java.util.Map;
import org.springframework.kafka.test.EmbeddedKafkaKraftBroker;

/**
 * One in-process KRaft broker (spring-kafka-test), configured so that transactions and Kafka
 * Streams {@code exactly_once_v2} work on a single node.
 */
public final class EmbeddedKraftBroker implements KafkaBroker {

    /**
     * Settings a one-node cluster needs; without the transaction ones InitProducerId hangs. One
     * partition for each internal topic instead of fifty: a cold group join or first transaction
     * does not wait for 100 partitions to be created on a loaded two-core machine.
     */
    static final Map<String, String> SINGLE_NODE =
            Map.of(
                    "transaction.state.log.replication.factor", "1",
                    "transaction.state.log.min.isr", "1",
                    "transaction.state.log.num.partitions", "1",
                    "offsets.topic.replication.factor", "1",
                    "offsets.topic.num.partitions", "1",
                    "group.initial.rebalance.delay.ms", "0",
                    "auto.create.topics.enable", "false");

    private final EmbeddedKafkaKraftBroker broker;

    private EmbeddedKraftBroker(EmbeddedKafkaKraftBroker broker) {
        this.broker = broker;
    }

    /** Starts a broker on a free port whose topics get six partitions unless told otherwise. */
    public static EmbeddedKraftBroker start() {
        EmbeddedKafkaKraftBroker broker = new EmbeddedKafkaKraftBroker(1, 6);
        broker.brokerProperties(SINGLE_NODE);
        broker.brokerProperty("num.partitions", "6");
        broker.afterPropertiesSet();
        return new EmbeddedKraftBroker(broker);
    }

    @Override
    public String bootstrapServers() {
        return broker.getBrokersAsString();
    }

    @Override
    public String description() {
        return "embedded KRaft broker at " + bootstrapServers();
    }

    @Override
    public void close() {
        broker.destroy();
    }
}
