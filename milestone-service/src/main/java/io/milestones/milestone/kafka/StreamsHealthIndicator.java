package io.milestones.milestone.kafka;

import org.apache.kafka.streams.KafkaStreams;
import org.springframework.boot.health.contributor.AbstractHealthIndicator;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.Status;
import org.springframework.kafka.config.StreamsBuilderFactoryBean;
import org.springframework.stereotype.Component;

/**
 * {@code kafkaStreams}: UP while counting runs (also while it rebalances: the read API answers from
 * global stores meanwhile), OUT_OF_SERVICE while starting, DOWN once it stopped or failed.
 */
@Component("kafkaStreamsHealthIndicator")
class StreamsHealthIndicator extends AbstractHealthIndicator {

    private final StreamsBuilderFactoryBean streams;

    StreamsHealthIndicator(StreamsBuilderFactoryBean streams) {
        super("Kafka Streams state unavailable");
        this.streams = streams;
    }

    @Override
    protected void doHealthCheck(Health.Builder builder) {
        KafkaStreams kafkaStreams = streams.getKafkaStreams();
        KafkaStreams.State state = kafkaStreams == null ? null : kafkaStreams.state();
        builder.withDetail("state", state == null ? "NOT_STARTED" : state.name());
        if (state == null || state == KafkaStreams.State.CREATED) {
            builder.status(Status.OUT_OF_SERVICE);
        } else if (state.isRunningOrRebalancing()) {
            builder.up();
        } else {
            builder.down();
        }
    }
}
