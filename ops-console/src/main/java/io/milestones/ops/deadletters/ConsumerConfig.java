package io.milestones.ops.deadletters;

import java.util.HashMap;
import java.util.Map;
import java.util.function.Supplier;
import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.springframework.boot.kafka.autoconfigure.KafkaProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Short-lived byte consumers for browsing: no group, no commits, committed data only (so aborted
 * transactional writes never show).
 */
@Configuration(proxyBeanMethods = false)
class ConsumerConfig {

    @Bean
    Supplier<Consumer<byte[], byte[]>> browsingConsumers(KafkaProperties kafka) {
        return () -> {
            Map<String, Object> config = new HashMap<>(kafka.buildConsumerProperties());
            config.remove(org.apache.kafka.clients.consumer.ConsumerConfig.GROUP_ID_CONFIG);
            config.put(
                    org.apache.kafka.clients.consumer.ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG,
                    false);
            config.put(
                    org.apache.kafka.clients.consumer.ConsumerConfig.ISOLATION_LEVEL_CONFIG,
                    "read_committed");
            config.put(
                    org.apache.kafka.clients.consumer.ConsumerConfig.AUTO_OFFSET_RESET_CONFIG,
                    "earliest");
            return new KafkaConsumer<>(
                    config, new ByteArrayDeserializer(), new ByteArrayDeserializer());
        };
    }
}
