package io.milestones.notifier.social;

import java.time.Clock;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.kafka.listener.ExceptionClassifier;
import org.springframework.web.client.RestClient;

/** Beans the social package shares: outcome store, HTTP clients, the waiting. */
@Configuration(proxyBeanMethods = false)
class SocialConfig {

    /** Stand-in until the deliveries table provides a {@link SocialDeliveries} bean. */
    @Bean
    @ConditionalOnMissingBean(SocialDeliveries.class)
    SocialDeliveries inMemorySocialDeliveries() {
        return new InMemorySocialDeliveries();
    }

    /**
     * Rejected posts (401, 403, 422) go to the dead-letter topic at once: retrying the record
     * cannot make a token valid or a post acceptable. Applies to every error handler bean (the
     * listener's {@code DefaultErrorHandler}); a {@code @RetryableTopic} lists it in {@code
     * exclude}.
     */
    @Bean
    static BeanPostProcessor socialRejectionsAreNotRetryable() {
        return new BeanPostProcessor() {
            @Override
            public Object postProcessAfterInitialization(Object bean, String beanName) {
                if (bean instanceof ExceptionClassifier classifier) {
                    classifier.addNotRetryableExceptions(SocialPostRejectedException.class);
                }
                return bean;
            }
        };
    }

    @Bean
    SocialHttp socialHttp(RestClient.Builder builder, SocialProperties properties, Clock clock) {
        return new SocialHttp(builder, properties, Sleeper.THREAD, clock);
    }
}
