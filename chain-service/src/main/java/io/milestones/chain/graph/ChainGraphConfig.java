package io.milestones.chain.graph;

import io.milestones.events.Topics;
import java.time.Clock;
import org.springframework.boot.kafka.autoconfigure.KafkaProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.kafka.config.TopicBuilder;
import org.springframework.kafka.core.KafkaAdmin;
import org.springframework.web.servlet.config.annotation.CorsRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/** The chain graph, what feeds it, its topic and the browsers allowed to read it. */
@Configuration(proxyBeanMethods = false)
class ChainGraphConfig {

    @Bean
    ChainGraphs chainGraphs(ChainGraphProperties properties, Clock clock) {
        return new ChainGraphs(properties.feedCapacity(), properties.refresh(), clock);
    }

    @Bean
    ChainGraphFeed chainGraphFeed(KafkaProperties kafkaProperties, ChainGraphs graphs) {
        return new ChainGraphFeed(kafkaProperties, graphs);
    }

    @Bean
    KafkaAdmin.NewTopics chainModerationTopic(io.milestones.chain.ChainProperties chainProperties) {
        // a handful of decisions, read whole at every start
        return new KafkaAdmin.NewTopics(
                TopicBuilder.name(Topics.CHAIN_MODERATION)
                        .partitions(1)
                        .replicas(chainProperties.replicas())
                        .compact()
                        .build());
    }

    @Bean
    WebMvcConfigurer chainCors(ChainGraphProperties properties) {
        return new WebMvcConfigurer() {
            @Override
            public void addCorsMappings(CorsRegistry registry) {
                registry.addMapping("/api/chain/**")
                        .allowedOrigins(properties.allowedOrigins().toArray(String[]::new))
                        .allowedMethods("GET");
            }
        };
    }
}
