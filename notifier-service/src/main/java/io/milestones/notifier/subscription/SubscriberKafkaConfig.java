package io.milestones.notifier.subscription;

import io.milestones.notifier.kafka.KafkaErrorHandlingConfig;
import io.milestones.notifier.kafka.RetryProperties;
import java.util.Properties;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.RangeAssignor;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.kafka.autoconfigure.ConcurrentKafkaListenerContainerFactoryConfigurer;
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
 * The subscriber listener reads a poll at a time ({@code milestones.subscribers.batch-size}
 * records) inside a Kafka transaction: the dead letters it writes and the offsets it consumed
 * commit together, after the poll's database transaction. A batch that fails for another reason
 * than its data (the database is down) is rolled back and read again with the retry back-off, then
 * dead-lettered as the record listener before it did.
 */
@Configuration(proxyBeanMethods = false)
class SubscriberKafkaConfig {

    static final String FACTORY = "subscriberListenerContainerFactory";
    static final String DEAD_LETTERS = "subscriberDeadLetters";

    @Bean(DEAD_LETTERS)
    DeadLetterPublishingRecoverer subscriberDeadLetters(
            @Qualifier("fanOutTemplate") KafkaTemplate<String, Object> transactional) {
        // the listener's transaction is bound: the dead letter commits with the offsets
        return new DeadLetterPublishingRecoverer(transactional);
    }

    @Bean(FACTORY)
    ConcurrentKafkaListenerContainerFactory<Object, Object> subscriberListenerContainerFactory(
            ConcurrentKafkaListenerContainerFactoryConfigurer configurer,
            ConsumerFactory<Object, Object> consumerFactory,
            @Qualifier("transactionalProducerFactory")
                    DefaultKafkaProducerFactory<String, Object> transactionalProducerFactory,
            @Qualifier("fanOutTemplate") KafkaTemplate<String, Object> transactional,
            SubscriberIngestionProperties ingestion,
            RetryProperties retry) {
        var factory = new ConcurrentKafkaListenerContainerFactory<Object, Object>();
        configurer.configure(factory, consumerFactory);
        factory.setBatchListener(true);
        // Exceptions must roll the transaction back; the after-rollback processor takes over.
        factory.setCommonErrorHandler(null);
        var container = factory.getContainerProperties();
        container.setKafkaAwareTransactionManager(
                new KafkaTransactionManager<>(transactionalProducerFactory));
        Properties consumer = new Properties();
        consumer.put(ConsumerConfig.MAX_POLL_RECORDS_CONFIG, String.valueOf(ingestion.batchSize()));
        // Partition p of teacher-contacts and of registrations-v2 (both keyed by teacher id, as
        // many partitions each) to the same thread: one teacher's records are never applied by
        // two threads at once, so the per-teacher order of decision 0305 holds with concurrency.
        consumer.put(
                ConsumerConfig.PARTITION_ASSIGNMENT_STRATEGY_CONFIG, RangeAssignor.class.getName());
        container.setKafkaConsumerProperties(consumer);
        factory.setConcurrency(ingestion.concurrency());
        // As the record listener before it: retried with back-off, then dead-lettered with the
        // reason (ops can replay them), never dropped.
        factory.setAfterRollbackProcessor(
                new DefaultAfterRollbackProcessor<>(
                        new DeadLetterPublishingRecoverer(transactional),
                        KafkaErrorHandlingConfig.backOff(retry),
                        transactional,
                        true));
        return factory;
    }
}
