package io.milestones.chain;

import io.milestones.events.Topics;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.kafka.config.TopicBuilder;
import org.springframework.kafka.core.KafkaAdmin;

/** The topics chain-service writes, created when missing. */
@Configuration(proxyBeanMethods = false)
class ChainKafkaConfig {

    @Bean
    KafkaAdmin.NewTopics chainTopics(ChainProperties properties) {
        return new KafkaAdmin.NewTopics(
                TopicBuilder.name(Topics.SOCIAL_CHAIN)
                        .partitions(properties.partitions())
                        .replicas(properties.replicas())
                        .build(),
                // one partition: a handful of keys, read whole at start-up
                TopicBuilder.name(Topics.CHAIN_CURSORS)
                        .partitions(1)
                        .replicas(properties.replicas())
                        .compact()
                        .build());
    }
}
