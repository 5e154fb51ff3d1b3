package io.milestones.registration.kafka;

import io.milestones.events.Topics;
import org.apache.kafka.clients.admin.NewTopic;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.kafka.config.TopicBuilder;

/** Declares the topic this service writes, so a fresh broker works without manual set-up. */
@Configuration(proxyBeanMethods = false)
class KafkaTopicsConfig {

    @Bean
    NewTopic registrationsTopic(TopicProperties topics) {
        return TopicBuilder.name(Topics.REGISTRATIONS)
                .partitions(topics.partitions())
                .replicas(topics.replicas())
                .build();
    }
}
