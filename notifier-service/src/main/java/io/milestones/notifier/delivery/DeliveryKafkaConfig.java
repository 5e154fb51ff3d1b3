package io.milestones.notifier.delivery;

import io.milestones.events.EventSerde;
import java.util.HashMap;
import java.util.Map;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.common.serialization.Deserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.springframework.boot.kafka.autoconfigure.ConcurrentKafkaListenerContainerFactoryConfigurer;
import org.springframework.boot.kafka.autoconfigure.KafkaProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.kafka.config.ConcurrentKafkaListenerContainerFactory;
import org.springframework.kafka.core.DefaultKafkaConsumerFactory;
import org.springframework.kafka.support.serializer.ErrorHandlingDeserializer;

/**
 * The senders' container factory: {@link NotificationRequest} values (plain JSON, no CloudEvents
 * headers: an internal topic), not transactional (an e-mail cannot be rolled back anyway), offsets
 * committed per poll. {@code @RetryableTopic} adds its own error handling on top. Each poll is
 * prepared at once ({@link PreparePolls}), and its SENT marks are folded when it ends ({@link
 * FoldSentMarks}).
 */
@Configuration(proxyBeanMethods = false)
class DeliveryKafkaConfig {

    static final String FACTORY = "deliveryListenerContainerFactory";

    @Bean(FACTORY)
    ConcurrentKafkaListenerContainerFactory<Object, Object> deliveryListenerContainerFactory(
            ConcurrentKafkaListenerContainerFactoryConfigurer configurer,
            KafkaProperties kafka,
            DeliveryProperties delivery,
            PollPreparation preparation,
            SentMarks marks) {
        Map<String, Object> config = new HashMap<>(kafka.buildConsumerProperties());
        // each poll prepared at once (addresses, suppressions, claims) before the listener sees it
        Object interceptors = config.get(ConsumerConfig.INTERCEPTOR_CLASSES_CONFIG);
        config.put(
                ConsumerConfig.INTERCEPTOR_CLASSES_CONFIG,
                interceptors == null || interceptors.toString().isBlank()
                        ? PreparePolls.class.getName()
                        : interceptors + "," + PreparePolls.class.getName());
        config.put(PreparePolls.PREPARATION, preparation);
        var consumers =
                new DefaultKafkaConsumerFactory<Object, Object>(
                        config,
                        new ErrorHandlingDeserializer<>(untyped(new StringDeserializer())),
                        new ErrorHandlingDeserializer<>(
                                untyped(
                                        EventSerde.plain(NotificationRequest.class)
                                                .deserializer())));
        var factory = new ConcurrentKafkaListenerContainerFactory<Object, Object>();
        configurer.configure(factory, consumers);
        factory.setConcurrency(delivery.concurrency());
        factory.setRecordInterceptor(new FoldSentMarks(marks));
        return factory;
    }

    @SuppressWarnings("unchecked")
    private static Deserializer<Object> untyped(Deserializer<?> deserializer) {
        return (Deserializer<Object>) deserializer;
    }
}
