package io.milestones.notifier.social;

import java.time.Clock;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
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

    @Bean
    SocialHttp socialHttp(RestClient.Builder builder, SocialProperties properties, Clock clock) {
        return new SocialHttp(builder, properties, Sleeper.THREAD, clock);
    }
}
