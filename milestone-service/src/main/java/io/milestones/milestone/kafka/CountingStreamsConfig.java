package io.milestones.milestone.kafka;

import io.milestones.events.ScopeType;
import io.milestones.events.Topics;
import io.milestones.milestone.counting.CountingTopology;
import io.milestones.milestone.rules.MilestoneRules;
import java.time.Clock;
import org.apache.kafka.clients.admin.NewTopic;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.kafka.annotation.EnableKafkaStreams;
import org.springframework.kafka.config.StreamsBuilderFactoryBeanConfigurer;
import org.springframework.kafka.config.TopicBuilder;
import org.springframework.kafka.core.KafkaAdmin;

/**
 * Runs the {@link CountingTopology} in Spring's managed {@code KafkaStreams} (settings under {@code
 * spring.kafka.streams}, {@code exactly_once_v2}), and creates the topics it touches.
 */
@Configuration(proxyBeanMethods = false)
@EnableKafkaStreams
class CountingStreamsConfig {

    @Bean
    CountingTopology countingTopology(
            MilestoneRules rules,
            Clock clock,
            StreamsProperties properties,
            CountingProperties counting,
            org.apache.kafka.streams.StreamsBuilder builder) {
        CountingTopology topology =
                new CountingTopology(rules, clock, properties.source(), counting.toOptions());
        topology.addTo(builder);
        return topology;
    }

    /**
     * A planned stop (deploy, Ctrl-C) asks to leave the consumer group at once, so the next
     * instance can take over the tasks without waiting for the session timeout. Measured in
     * benchmark B8: with dynamic membership Kafka Streams 4.1 does not send that leave
     * (KAFKA-16514), and a restarted instance waits about {@code session.timeout.ms} (45 s) before
     * it gets its tasks; the option takes effect with static membership ({@code group.instance.id})
     * or a fixed client.
     */
    @Bean
    StreamsBuilderFactoryBeanConfigurer leaveGroupOnClose() {
        return factoryBean -> factoryBean.setLeaveGroupOnClose(true);
    }

    @Bean
    KafkaAdmin.NewTopics milestoneTopics(StreamsProperties properties) {
        return new KafkaAdmin.NewTopics(
                topic(Topics.REGISTRATIONS, properties),
                topic(Topics.deadLetter(Topics.REGISTRATIONS), properties),
                compacted(Topics.MILESTONES, properties),
                compacted(Topics.MILESTONE_COUNTS, properties),
                compacted(Topics.MILESTONE_COUNT_HISTORY, properties));
    }

    /** {@code social-chain} and its dead letters, when a campaign's chain is counted. */
    @Bean
    KafkaAdmin.NewTopics chainTopics(MilestoneRules rules, StreamsProperties properties) {
        if (!rules.dimensions().contains(ScopeType.CAMPAIGN)) {
            return new KafkaAdmin.NewTopics();
        }
        return new KafkaAdmin.NewTopics(
                topic(Topics.SOCIAL_CHAIN, properties),
                topic(Topics.deadLetter(Topics.SOCIAL_CHAIN), properties));
    }

    /**
     * Only the latest record per key matters: a scope's count, a milestone's announcement (the
     * history the read API and the re-announce guard rely on, kept for good).
     */
    private static NewTopic compacted(String name, StreamsProperties properties) {
        return TopicBuilder.name(name)
                .partitions(properties.partitions())
                .replicas(properties.replicas())
                .compact()
                .build();
    }

    private static NewTopic topic(String name, StreamsProperties properties) {
        return TopicBuilder.name(name)
                .partitions(properties.partitions())
                .replicas(properties.replicas())
                .build();
    }
}
