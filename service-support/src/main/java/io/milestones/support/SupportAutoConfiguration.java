package io.milestones.support;

import java.time.Clock;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.health.autoconfigure.contributor.ConditionalOnEnabledHealthIndicator;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.kafka.core.KafkaAdmin;
import org.springframework.kafka.core.KafkaTemplate;

/** The clock every service injects, and Kafka's health where a service talks to Kafka. */
@AutoConfiguration(
        afterName = "org.springframework.boot.kafka.autoconfigure.KafkaAutoConfiguration")
public class SupportAutoConfiguration {

    /** UTC wall clock; tests replace it with a fixed one. */
    @Bean
    @ConditionalOnMissingBean
    Clock clock() {
        return Clock.systemUTC();
    }

    /** Observation on every Kafka template and container factory, unless switched off. */
    @Bean
    @ConditionalOnClass(KafkaTemplate.class)
    @ConditionalOnProperty(
            name = "milestones.tracing.kafka",
            havingValue = "true",
            matchIfMissing = true)
    static KafkaObservation kafkaObservation() {
        return new KafkaObservation();
    }

    @Configuration(proxyBeanMethods = false)
    @ConditionalOnClass(KafkaAdmin.class)
    @ConditionalOnBean(KafkaAdmin.class)
    @ConditionalOnEnabledHealthIndicator("kafka")
    static class KafkaHealthConfiguration {

        @Bean(name = "kafkaHealthIndicator", destroyMethod = "close")
        @ConditionalOnMissingBean(name = "kafkaHealthIndicator")
        KafkaClusterHealthIndicator kafkaHealthIndicator(KafkaAdmin kafkaAdmin) {
            return new KafkaClusterHealthIndicator(kafkaAdmin);
        }
    }
}
