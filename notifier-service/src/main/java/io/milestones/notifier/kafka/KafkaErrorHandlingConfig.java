package io.milestones.notifier.kafka;

import io.milestones.events.EventSerde;
import io.milestones.events.Topics;
import java.util.LinkedHashMap;
import java.util.Map;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.common.config.TopicConfig;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.Serializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.springframework.boot.kafka.autoconfigure.KafkaProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.kafka.config.TopicBuilder;
import org.springframework.kafka.core.DefaultKafkaProducerFactory;
import org.springframework.kafka.core.KafkaAdmin;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.kafka.core.ProducerFactory;
import org.springframework.kafka.listener.CommonErrorHandler;
import org.springframework.kafka.listener.DeadLetterPublishingRecoverer;
import org.springframework.kafka.listener.DefaultErrorHandler;
import org.springframework.kafka.support.serializer.DelegatingByTypeSerializer;
import org.springframework.util.backoff.BackOff;
import org.springframework.util.backoff.ExponentialBackOff;

/**
 * One {@link DefaultErrorHandler} for every non-transactional listener (Boot wires it into the
 * container factory): retries with exponential back-off, then publishes the record with exception
 * headers to {@code <topic>-dlt}. Records that cannot be deserialized go there at once, raw bytes
 * intact. The same non-transactional template publishes to the retry topics of the senders.
 */
@Configuration(proxyBeanMethods = false)
public class KafkaErrorHandlingConfig {

    /** Name of the template that writes dead letters and retry records outside transactions. */
    public static final String NON_TRANSACTIONAL_TEMPLATE = "nonTransactionalTemplate";

    @Bean
    ProducerFactory<String, Object> nonTransactionalProducerFactory(KafkaProperties kafka) {
        return new DefaultKafkaProducerFactory<>(
                kafka.buildProducerProperties(), new StringSerializer(), jsonOrBytes());
    }

    @Bean(NON_TRANSACTIONAL_TEMPLATE)
    KafkaTemplate<String, Object> nonTransactionalTemplate(
            ProducerFactory<String, Object> nonTransactionalProducerFactory) {
        return new KafkaTemplate<>(nonTransactionalProducerFactory);
    }

    @Bean
    CommonErrorHandler kafkaErrorHandler(
            KafkaTemplate<String, Object> nonTransactionalTemplate, RetryProperties retry) {
        return new DefaultErrorHandler(
                new DeadLetterPublishingRecoverer(nonTransactionalTemplate), backOff(retry));
    }

    @Bean
    KafkaAdmin.NewTopics notifierTopics(TopicProperties topics) {
        return new KafkaAdmin.NewTopics(
                // Compacted, as milestone-service creates it: its history must not age out.
                TopicBuilder.name(Topics.MILESTONES)
                        .partitions(topics.partitions())
                        .replicas(topics.replicas())
                        .compact()
                        .build(),
                topic(Topics.deadLetter(Topics.MILESTONES), topics),
                topic(Topics.REGISTRATIONS, topics),
                // Compacted with the compaction bound registration-service uses by default
                // (docs/operations.md, "Erasure bound"): whichever service starts first creates it.
                TopicBuilder.name(Topics.TEACHER_CONTACTS)
                        .partitions(topics.partitions())
                        .replicas(topics.replicas())
                        .compact()
                        .config(TopicConfig.SEGMENT_MS_CONFIG, "600000")
                        .config(TopicConfig.MIN_COMPACTION_LAG_MS_CONFIG, "0")
                        .config(TopicConfig.MAX_COMPACTION_LAG_MS_CONFIG, "600000")
                        .config(TopicConfig.DELETE_RETENTION_MS_CONFIG, "86400000")
                        .build(),
                topic(Topics.deadLetter(Topics.REGISTRATIONS), topics),
                topic(Topics.deadLetter(Topics.TEACHER_CONTACTS), topics),
                topic(Topics.NOTIFICATION_REQUESTS, topics));
    }

    /** JSON for records, raw bytes for values that could not be deserialized. */
    public static Serializer<Object> jsonOrBytes() {
        Map<Class<?>, Serializer<?>> byType = new LinkedHashMap<>();
        byType.put(byte[].class, new ByteArraySerializer());
        byType.put(Object.class, EventSerde.of(Object.class).serializer());
        return new DelegatingByTypeSerializer(byType, true);
    }

    /** The back-off of blocking retries, from {@code milestones.retry}. */
    public static BackOff backOff(RetryProperties retry) {
        var backOff =
                new ExponentialBackOff(retry.initialInterval().toMillis(), retry.multiplier());
        backOff.setMaxInterval(retry.maxInterval().toMillis());
        backOff.setMaxElapsedTime(retry.maxElapsed().toMillis());
        return backOff;
    }

    private static NewTopic topic(String name, TopicProperties topics) {
        return TopicBuilder.name(name)
                .partitions(topics.partitions())
                .replicas(topics.replicas())
                .build();
    }
}
