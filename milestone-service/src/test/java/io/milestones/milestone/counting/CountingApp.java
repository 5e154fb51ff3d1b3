package io.milestones.milestone.counting;

import io.milestones.events.ScopeType;
import io.milestones.milestone.counting.CountingOptions.GlobalAggregation;
import io.milestones.milestone.rules.EveryN;
import io.milestones.milestone.rules.MilestoneRules;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.TreeMap;
import java.util.concurrent.CountDownLatch;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.StreamsConfig;
import org.springframework.beans.factory.config.YamlPropertiesFactoryBean;
import org.springframework.core.io.ClassPathResource;

/**
 * The counting topology as a bare Kafka Streams application, for the crash test (run in a child JVM
 * that is killed), the two-instance test and the benchmark. Same topology as the service, and the
 * Kafka Streams properties of its shipped {@code milestone-service.yml}, with rules that give many
 * milestones over a 50,000-registration load.
 *
 * <p>{@code java -cp <test classpath> io.milestones.milestone.counting.CountingApp <bootstrap>
 * <application.id> <state.dir> [every-scope|two-level|single-key]}
 */
public final class CountingApp {

    static final MilestoneRules RULES =
            new MilestoneRules(
                    Map.of(
                            ScopeType.GLOBAL, new EveryN(1000, 1000),
                            ScopeType.COUNTRY, new EveryN(500, 500),
                            ScopeType.LANGUAGE, new EveryN(2500, 2500)),
                    List.of(0.99));

    private CountingApp() {}

    public static void main(String[] args) throws InterruptedException {
        GlobalAggregation aggregation =
                args.length <= 3
                        ? CountingOptions.DEFAULTS.globalAggregation()
                        : switch (args[3]) {
                            case "single-key" -> GlobalAggregation.SINGLE_KEY;
                            case "two-level" -> GlobalAggregation.TWO_LEVEL;
                            default -> GlobalAggregation.EVERY_SCOPE;
                        };
        KafkaStreams streams = start(args[0], args[1], args[2], aggregation);
        // what the crash test checks: the guarantee this process runs with
        System.out.println(
                "Counting with processing.guarantee = "
                        + config(args[0], args[1], args[2])
                                .get(StreamsConfig.PROCESSING_GUARANTEE_CONFIG));
        Runtime.getRuntime().addShutdownHook(new Thread(streams::close));
        new CountDownLatch(1).await(); // runs until killed
    }

    static KafkaStreams start(
            String bootstrap, String applicationId, String stateDir, GlobalAggregation mode) {
        var topology =
                new CountingTopology(
                                RULES,
                                Clock.systemUTC(),
                                "/milestone-service",
                                CountingOptions.DEFAULTS.with(mode))
                        .build();
        KafkaStreams streams =
                new KafkaStreams(topology, config(bootstrap, applicationId, stateDir));
        streams.start();
        return streams;
    }

    static Properties config(String bootstrap, String applicationId, String stateDir) {
        Properties config = new Properties();
        // the service's own Kafka Streams properties (processing.guarantee, commit.interval.ms,
        // ...), read from the shipped milestone-service.yml, so a change there changes these tests
        config.putAll(shippedStreamsProperties());
        config.put(StreamsConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
        config.put(StreamsConfig.APPLICATION_ID_CONFIG, applicationId);
        config.put(StreamsConfig.STATE_DIR_CONFIG, stateDir);
        config.put(StreamsConfig.REPLICATION_FACTOR_CONFIG, 1);
        // a killed member leaves the group after 6 s (the broker's minimum), not 45 s
        config.put(StreamsConfig.consumerPrefix(ConsumerConfig.SESSION_TIMEOUT_MS_CONFIG), 6000);
        config.put(StreamsConfig.consumerPrefix(ConsumerConfig.HEARTBEAT_INTERVAL_MS_CONFIG), 1000);
        return config;
    }

    /** {@code spring.kafka.streams.properties.*} of {@code milestone-service.yml}. */
    static Map<String, String> shippedStreamsProperties() {
        var yaml = new YamlPropertiesFactoryBean();
        yaml.setResources(new ClassPathResource("milestone-service.yml"));
        String prefix = "spring.kafka.streams.properties.";
        Map<String, String> properties = new TreeMap<>();
        yaml.getObject()
                .forEach(
                        (name, value) -> {
                            if (name.toString().startsWith(prefix)) {
                                properties.put(
                                        name.toString().substring(prefix.length()),
                                        value.toString());
                            }
                        });
        if (properties.isEmpty()) {
            throw new IllegalStateException("milestone-service.yml sets no Kafka Streams property");
        }
        return properties;
    }
}
