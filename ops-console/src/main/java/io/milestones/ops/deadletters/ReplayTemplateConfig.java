package io.milestones.ops.deadletters;

import java.util.HashMap;
import java.util.Map;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.springframework.boot.kafka.autoconfigure.KafkaProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.kafka.core.DefaultKafkaProducerFactory;
import org.springframework.kafka.core.KafkaTemplate;

/** Replays write bytes as they are: idempotent producer, every replica acknowledges. */
@Configuration(proxyBeanMethods = false)
class ReplayTemplateConfig {

    @Bean
    KafkaTemplate<byte[], byte[]> replayTemplate(KafkaProperties kafka) {
        Map<String, Object> config = new HashMap<>(kafka.buildProducerProperties());
        config.put(ProducerConfig.ACKS_CONFIG, "all");
        config.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
        return new KafkaTemplate<>(
                new DefaultKafkaProducerFactory<>(
                        config, new ByteArraySerializer(), new ByteArraySerializer()));
    }
}
