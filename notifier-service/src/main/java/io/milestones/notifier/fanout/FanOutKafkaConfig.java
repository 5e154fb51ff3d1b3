package io.milestones.notifier.fanout;

import io.milestones.notifier.kafka.KafkaErrorHandlingConfig;
import io.milestones.notifier.kafka.RetryProperties;
import java.util.Map;
import java.util.Properties;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.serialization.StringSerializer;
import org.springframework.boot.kafka.autoconfigure.ConcurrentKafkaListenerContainerFactoryConfigurer;
import org.springframework.boot.kafka.autoconfigure.KafkaProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.kafka.config.ConcurrentKafkaListenerContainerFactory;
import org.springframework.kafka.core.ConsumerFactory;
import org.springframework.kafka.core.DefaultKafkaProducerFactory;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.kafka.listener.DeadLetterPublishingRecoverer;
import org.springframework.kafka.listener.DefaultAfterRollbackProcessor;
import org.springframework.kafka.transaction.KafkaTransactionManager;

/**
 * The milestones listener runs in a Kafka transaction: the notification requests it produces and
 * the offset of the milestone it consumed commit together, or not at all. A failing milestone is
 * retried after rollback, then dead-lettered inside a transaction too.
 */
@Configuration(proxyBeanMethods = false)
class FanOutKafkaConfig {

    /** Container factory of listeners whose writes commit with their consumed offsets. */
    static final String TRANSACTIONAL_FACTORY = "transactionalListenerContainerFactory";

    @Bean
    DefaultKafkaProducerFactory<String, Object> transactionalProducerFactory(
            KafkaProperties kafka, FanOutProperties fanOut) {
        Map<String, Object> config = kafka.buildProducerProperties();
        config.put(
                ProducerConfig.TRANSACTION_TIMEOUT_CONFIG,
                (int) fanOut.transactionTimeout().toMillis());
        var factory =
                new DefaultKafkaProducerFactory<>(
                        config, new StringSerializer(), KafkaErrorHandlingConfig.jsonOrBytes());
        factory.setTransactionIdPrefix(fanOut.transactionIdPrefix());
        return factory;
    }

    @Bean
    KafkaTemplate<String, Object> fanOutTemplate(
            DefaultKafkaProducerFactory<String, Object> transactionalProducerFactory) {
        return new KafkaTemplate<>(transactionalProducerFactory);
    }

    @Bean(TRANSACTIONAL_FACTORY)
    ConcurrentKafkaListenerContainerFactory<Object, Object> transactionalListenerContainerFactory(
            ConcurrentKafkaListenerContainerFactoryConfigurer configurer,
            ConsumerFactory<Object, Object> consumerFactory,
            DefaultKafkaProducerFactory<String, Object> transactionalProducerFactory,
            KafkaTemplate<String, Object> fanOutTemplate,
            FanOutProperties fanOut,
            RetryProperties retry) {
        var factory = new ConcurrentKafkaListenerContainerFactory<Object, Object>();
        configurer.configure(factory, consumerFactory);
        // Exceptions must roll the transaction back; the after-rollback processor takes over.
        factory.setCommonErrorHandler(null);
        var container = factory.getContainerProperties();
        container.setKafkaAwareTransactionManager(
                new KafkaTransactionManager<>(transactionalProducerFactory));
        Properties consumer = new Properties();
        // One fan-out may take minutes; the poll loop must not be declared dead meanwhile.
        consumer.put(
                ConsumerConfig.MAX_POLL_INTERVAL_MS_CONFIG,
                String.valueOf(fanOut.transactionTimeout().plusMinutes(1).toMillis()));
        consumer.put(ConsumerConfig.MAX_POLL_RECORDS_CONFIG, "10");
        container.setKafkaConsumerProperties(consumer);
        factory.setAfterRollbackProcessor(
                new DefaultAfterRollbackProcessor<>(
                        new DeadLetterPublishingRecoverer(fanOutTemplate),
                        KafkaErrorHandlingConfig.backOff(retry),
                        fanOutTemplate,
                        true));
        return factory;
    }
}
