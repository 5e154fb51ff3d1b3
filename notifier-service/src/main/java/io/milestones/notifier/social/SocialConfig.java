package io.milestones.notifier.social;

import io.milestones.notifier.Sleeper;
import io.milestones.notifier.kafka.KafkaErrorHandlingConfig;
import io.milestones.notifier.kafka.RetryProperties;
import io.milestones.notifier.milestone.MilestoneArchive;
import java.time.Clock;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.kafka.autoconfigure.ConcurrentKafkaListenerContainerFactoryConfigurer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.kafka.config.ConcurrentKafkaListenerContainerFactory;
import org.springframework.kafka.core.ConsumerFactory;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.kafka.listener.ConsumerRecordRecoverer;
import org.springframework.kafka.listener.DeadLetterPublishingRecoverer;
import org.springframework.kafka.listener.DefaultErrorHandler;
import org.springframework.kafka.support.serializer.DeserializationException;
import org.springframework.web.client.RestClient;

/** Beans the social package shares: outcome store, HTTP clients, the waiting. */
@Configuration(proxyBeanMethods = false)
class SocialConfig {

    /** Container factory of the {@code notifier-social} listener. */
    static final String SOCIAL_FACTORY = "socialListenerContainerFactory";

    private static final Logger log = LoggerFactory.getLogger(SocialConfig.class);

    /**
     * Like the default factory, but a milestone that cannot be read is skipped here rather than
     * dead-lettered: the fan-out group reads the same topic and already puts it in {@code
     * milestones-dlt} once; a second copy would make ops replay it twice. Rejected and exhausted
     * posts still go to the dead-letter topic.
     */
    @Bean(SOCIAL_FACTORY)
    ConcurrentKafkaListenerContainerFactory<Object, Object> socialListenerContainerFactory(
            ConcurrentKafkaListenerContainerFactoryConfigurer configurer,
            ConsumerFactory<Object, Object> consumerFactory,
            @Qualifier(KafkaErrorHandlingConfig.NON_TRANSACTIONAL_TEMPLATE)
                    KafkaTemplate<String, Object> nonTransactionalTemplate,
            RetryProperties retry) {
        var factory = new ConcurrentKafkaListenerContainerFactory<Object, Object>();
        configurer.configure(factory, consumerFactory);
        var deadLetters = new DeadLetterPublishingRecoverer(nonTransactionalTemplate);
        ConsumerRecordRecoverer recoverer =
                (record, failure) -> {
                    if (isUnreadable(failure)) {
                        log.warn(
                                "Skipping unreadable milestone at {}-{}@{}; the fan-out group"
                                        + " dead-letters it",
                                record.topic(),
                                record.partition(),
                                record.offset());
                    } else {
                        deadLetters.accept(record, failure);
                    }
                };
        var handler = new DefaultErrorHandler(recoverer, KafkaErrorHandlingConfig.backOff(retry));
        // a retry cannot make a token valid or a post acceptable: 401/403/422 go to the DLT at once
        handler.addNotRetryableExceptions(SocialPostRejectedException.class);
        factory.setCommonErrorHandler(handler);
        return factory;
    }

    private static boolean isUnreadable(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause()) {
            if (t instanceof DeserializationException) {
                return true;
            }
        }
        return false;
    }

    /** Stand-in until the deliveries table provides a {@link SocialDeliveries} bean. */
    @Bean
    @ConditionalOnMissingBean(SocialDeliveries.class)
    SocialDeliveries inMemorySocialDeliveries() {
        return new InMemorySocialDeliveries();
    }

    /** Posts waiting for a publishing window; after a restart found again in the archive. */
    @Bean(destroyMethod = "close")
    WaitingPosts waitingPosts(
            LimitWaitProperties properties, ObjectProvider<MilestoneArchive> archive) {
        return new WaitingPosts(
                properties,
                id -> {
                    MilestoneArchive milestones = archive.getIfAvailable();
                    return milestones == null ? Optional.empty() : milestones.find(id);
                });
    }

    @Bean
    SocialHttp socialHttp(RestClient.Builder builder, SocialProperties properties, Clock clock) {
        return new SocialHttp(builder, properties, Sleeper.THREAD, clock);
    }
}
