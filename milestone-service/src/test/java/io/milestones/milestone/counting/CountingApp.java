package io.milestones.milestone.counting;

import io.milestones.events.ScopeType;
import io.milestones.milestone.counting.CountingOptions.GlobalAggregation;
import io.milestones.milestone.rules.EveryN;
import io.milestones.milestone.rules.MilestoneRules;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.CountDownLatch;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.StreamsConfig;

/**
 * The counting topology as a bare Kafka Streams application, for the crash test (run in a child JVM
 * that is killed), the two-instance test and the benchmark. Same topology and settings as the
 * service, with rules that give many milestones over a 50,000-registration load.
 *
 * <p>{@code java -cp <test classpath> io.milestones.milestone.counting.CountingApp <bootstrap>
 * <application.id> <state.dir> [two-level|single-key]}
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
                args.length > 3 && args[3].equals("single-key")
                        ? GlobalAggregation.SINGLE_KEY
                        : GlobalAggregation.TWO_LEVEL;
        KafkaStreams streams = start(args[0], args[1], args[2], aggregation);
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
        config.put(StreamsConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
        config.put(StreamsConfig.APPLICATION_ID_CONFIG, applicationId);
        config.put(StreamsConfig.STATE_DIR_CONFIG, stateDir);
        // as in milestone-service.yml
        config.put(StreamsConfig.PROCESSING_GUARANTEE_CONFIG, StreamsConfig.EXACTLY_ONCE_V2);
        config.put(StreamsConfig.COMMIT_INTERVAL_MS_CONFIG, 100);
        config.put(StreamsConfig.REPLICATION_FACTOR_CONFIG, 1);
        // a killed member leaves the group after 6 s (the broker's minimum), not 45 s
        config.put(StreamsConfig.consumerPrefix(ConsumerConfig.SESSION_TIMEOUT_MS_CONFIG), 6000);
        config.put(StreamsConfig.consumerPrefix(ConsumerConfig.HEARTBEAT_INTERVAL_MS_CONFIG), 1000);
        return config;
    }
}
