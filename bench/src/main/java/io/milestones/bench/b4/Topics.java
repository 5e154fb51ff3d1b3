package io.milestones.bench.b4;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.common.TopicPartition;

/** Creates topics and sums their end offsets (records written), through the admin client. */
final class Topics implements AutoCloseable {

    private final Admin admin;

    Topics(String bootstrapServers) {
        admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers));
    }

    void create(int partitions, String... names) throws Exception {
        Set<String> existing = admin.listTopics().names().get();
        List<NewTopic> missing =
                List.of(names).stream()
                        .filter(n -> !existing.contains(n))
                        .map(n -> new NewTopic(n, partitions, (short) 1))
                        .toList();
        admin.createTopics(missing).all().get();
    }

    /** Sum of the end offsets of every partition of {@code topic}. */
    long endOffsets(String topic) throws Exception {
        var partitions =
                admin.describeTopics(List.of(topic)).allTopicNames().get().get(topic).partitions();
        Map<TopicPartition, OffsetSpec> latest =
                partitions.stream()
                        .collect(
                                Collectors.toMap(
                                        p -> new TopicPartition(topic, p.partition()),
                                        p -> OffsetSpec.latest()));
        return admin.listOffsets(latest).all().get().values().stream()
                .mapToLong(info -> info.offset())
                .sum();
    }

    @Override
    public void close() {
        admin.close();
    }
}
