package io.milestones.notifier.kafka;

import io.milestones.events.EventSerde;
import io.milestones.events.Topics;
import java.util.LinkedHashMap;
import java.util.Map;
import org.apache.kafka.clients.admin.NewTopic;
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
import org.springframework.kafka.listener.CommonErrorHandler;
import org.springframework.kafka.listener.DeadLetterPublishingRecoverer;
import org.springframework.kafka.listener.DefaultErrorHandler;
import org.springframework.kafka.support.serializer.DelegatingByTypeSerializer;
import org.springframework.util.backoff.ExponentialBackOff;

/**
 * One {@link DefaultErrorHandler} for every listener (Boot wires it into the container factory):
 * retries with exponential back-off, then publishes the record with exception headers to {@code
 * <topic>-dlt}. Records that cannot be deserialized go there at once, raw bytes intact.
 */
@Configuration(proxyBeanMethods = false)
class KafkaErrorHandlingConfig {

    @Bean
    CommonErrorHandler kafkaErrorHandler(KafkaProperties kafka, RetryProperties retry) {
        Map<Class<?>, Serializer<?>> byType = new LinkedHashMap<>();
        byType.put(byte[].class, new ByteArraySerializer());
        byType.put(Object.class, EventSerde.of(Object.class).serializer());
        var producerFactory =
                new DefaultKafkaProducerFactory<String, Object>(
                        kafka.buildProducerProperties(),
                        new StringSerializer(),
                        new DelegatingByTypeSerializer(byType, true));
        var recoverer = new DeadLetterPublishingRecoverer(new KafkaTemplate<>(producerFactory));
        var backOff =
                new ExponentialBackOff(retry.initialInterval().toMillis(), retry.multiplier());
        backOff.setMaxInterval(retry.maxInterval().toMillis());
        backOff.setMaxElapsedTime(retry.maxElapsed().toMillis());
        return new DefaultErrorHandler(recoverer, backOff);
    }

    @Bean
    KafkaAdmin.NewTopics notifierTopics(TopicProperties topics) {
        return new KafkaAdmin.NewTopics(
                topic(Topics.MILESTONES, topics),
                topic(Topics.deadLetter(Topics.MILESTONES), topics));
    }

    private static NewTopic topic(String name, TopicProperties topics) {
        return TopicBuilder.name(name)
                .partitions(topics.partitions())
                .replicas(topics.replicas())
                .build();
    }
}
