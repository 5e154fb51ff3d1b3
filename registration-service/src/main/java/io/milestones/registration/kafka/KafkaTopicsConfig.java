package io.milestones.registration.kafka;

import io.milestones.events.Topics;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.common.config.TopicConfig;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.kafka.config.TopicBuilder;

/** Declares the topics this service writes, so a fresh broker works without manual set-up. */
@Configuration(proxyBeanMethods = false)
class KafkaTopicsConfig {

    @Bean
    NewTopic registrationsTopic(TopicProperties topics) {
        return TopicBuilder.name(Topics.REGISTRATIONS)
                .partitions(topics.partitions())
                .replicas(topics.replicas())
                .build();
    }

    /**
     * Compacted, with a bounded compaction lag: after a tombstone, the earlier values of its key
     * are gone within {@code segment + maxCompactionLag} plus one cleaner pass
     * (docs/operations.md).
     */
    @Bean
    NewTopic teacherContactsTopic(TopicProperties topics) {
        var contacts = topics.contacts();
        return TopicBuilder.name(Topics.TEACHER_CONTACTS)
                .partitions(topics.partitions())
                .replicas(topics.replicas())
                .compact()
                .config(TopicConfig.SEGMENT_MS_CONFIG, millis(contacts.segment()))
                .config(
                        TopicConfig.MIN_COMPACTION_LAG_MS_CONFIG,
                        millis(contacts.minCompactionLag()))
                .config(
                        TopicConfig.MAX_COMPACTION_LAG_MS_CONFIG,
                        millis(contacts.maxCompactionLag()))
                .config(TopicConfig.DELETE_RETENTION_MS_CONFIG, millis(contacts.deleteRetention()))
                .build();
    }

    private static String millis(java.time.Duration duration) {
        return Long.toString(duration.toMillis());
    }
}
