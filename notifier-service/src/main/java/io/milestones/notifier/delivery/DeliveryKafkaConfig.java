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
 * committed per poll. {@code @RetryableTopic} adds its own error handling on top. Each poll's
 * subscriptions are resolved to addresses at once ({@link PrefetchAddresses}).
 */
@Configuration(proxyBeanMethods = false)
class DeliveryKafkaConfig {

    static final String FACTORY = "deliveryListenerContainerFactory";

    @Bean(FACTORY)
    ConcurrentKafkaListenerContainerFactory<Object, Object> deliveryListenerContainerFactory(
            ConcurrentKafkaListenerContainerFactoryConfigurer configurer,
            KafkaProperties kafka,
            DeliveryProperties delivery,
            SubscriberAddresses addresses) {
        Map<String, Object> config = new HashMap<>(kafka.buildConsumerProperties());
        // each poll's subscriptions resolved in one look-up, before the listener sees them
        Object interceptors = config.get(ConsumerConfig.INTERCEPTOR_CLASSES_CONFIG);
        config.put(
                ConsumerConfig.INTERCEPTOR_CLASSES_CONFIG,
                interceptors == null || interceptors.toString().isBlank()
                        ? PrefetchAddresses.class.getName()
                        : interceptors + "," + PrefetchAddresses.class.getName());
        config.put(PrefetchAddresses.ADDRESSES, addresses);
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
        return factory;
    }

    @SuppressWarnings("unchecked")
    private static Deserializer<Object> untyped(Deserializer<?> deserializer) {
        return (Deserializer<Object>) deserializer;
    }
}
