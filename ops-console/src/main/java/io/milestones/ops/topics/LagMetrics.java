package io.milestones.ops.topics;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.MultiGauge;
import io.micrometer.core.instrument.Tags;
import java.util.ArrayList;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.annotation.EnableScheduling;
import org.springframework.scheduling.annotation.Scheduled;

/**
 * The whole cluster's view for Prometheus, from the one service that sees every group: {@code
 * milestones.consumer.lag{group,topic,partition}} (Kafka Streams' group included) and {@code
 * milestones.dead.letter.records{topic}} (records retained on each {@code *-dlt}).
 */
@Configuration(proxyBeanMethods = false)
@EnableScheduling
class LagMetrics {

    private static final Logger log = LoggerFactory.getLogger(LagMetrics.class);

    private final TopicsService topics;
    private final MultiGauge lag;
    private final MultiGauge deadLetters;

    LagMetrics(TopicsService topics, MeterRegistry meters) {
        this.topics = topics;
        this.lag =
                MultiGauge.builder("milestones.consumer.lag")
                        .description("Records not yet consumed, per group and partition")
                        .register(meters);
        this.deadLetters =
                MultiGauge.builder("milestones.dead.letter.records")
                        .description("Records retained on each dead-letter topic")
                        .register(meters);
    }

    @Scheduled(fixedDelayString = "${milestones.ops.metrics-refresh:30s}", initialDelay = 2_000)
    void refresh() {
        TopicsView view;
        try {
            view = topics.topics(false);
        } catch (KafkaUnavailableException e) {
            log.warn("Lag metrics not refreshed: Kafka did not answer");
            return;
        }
        List<MultiGauge.Row<?>> lagRows = new ArrayList<>();
        List<MultiGauge.Row<?>> deadRows = new ArrayList<>();
        for (TopicsView.Topic topic : view.topics()) {
            if (topic.deadLetter()) {
                deadRows.add(MultiGauge.Row.of(Tags.of("topic", topic.name()), topic.records()));
            }
            for (TopicsView.GroupLag group : topic.groups()) {
                for (TopicsView.PartitionLag partition : group.partitions()) {
                    lagRows.add(
                            MultiGauge.Row.of(
                                    Tags.of(
                                            "group", group.group(),
                                            "topic", topic.name(),
                                            "partition", String.valueOf(partition.partition())),
                                    partition.lag()));
                }
            }
        }
        lag.register(lagRows, true);
        deadLetters.register(deadRows, true);
    }
}
