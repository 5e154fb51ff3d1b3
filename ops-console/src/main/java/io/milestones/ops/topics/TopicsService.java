package io.milestones.ops.topics;

import io.milestones.ops.topics.TopicsView.GroupLag;
import io.milestones.ops.topics.TopicsView.Partition;
import io.milestones.ops.topics.TopicsView.PartitionLag;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.GroupListing;
import org.apache.kafka.clients.admin.ListGroupsOptions;
import org.apache.kafka.clients.admin.ListOffsetsOptions;
import org.apache.kafka.clients.admin.ListOffsetsResult.ListOffsetsResultInfo;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.admin.TopicDescription;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.IsolationLevel;
import org.apache.kafka.common.TopicPartition;
import org.springframework.stereotype.Service;

/** Reads topics, offsets and consumer-group lag from the cluster with the Kafka admin client. */
@Service
public class TopicsService {

    private static final Duration TIMEOUT = Duration.ofSeconds(10);

    private final Admin admin;

    TopicsService(Admin admin) {
        this.admin = admin;
    }

    /**
     * @param internal whether to include Kafka's own topics ({@code __consumer_offsets}, ...)
     */
    public TopicsView topics(boolean internal) {
        try {
            Set<String> names =
                    admin.listTopics().names().get(TIMEOUT.toSeconds(), TimeUnit.SECONDS);
            List<String> shown =
                    names.stream().filter(n -> internal || !n.startsWith("__")).sorted().toList();
            Map<String, TopicDescription> descriptions =
                    admin.describeTopics(shown)
                            .allTopicNames()
                            .get(TIMEOUT.toSeconds(), TimeUnit.SECONDS);
            List<TopicPartition> partitions =
                    descriptions.values().stream()
                            .flatMap(
                                    d ->
                                            d.partitions().stream()
                                                    .map(
                                                            p ->
                                                                    new TopicPartition(
                                                                            d.name(),
                                                                            p.partition())))
                            .toList();
            var earliest = offsets(partitions, OffsetSpec.earliest());
            var latest = offsets(partitions, OffsetSpec.latest());
            var committed = committedByGroup();
            List<TopicsView.Topic> topics = new ArrayList<>();
            for (String name : shown) {
                topics.add(topic(name, descriptions.get(name), earliest, latest, committed));
            }
            return new TopicsView(topics);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new KafkaUnavailableException(e);
        } catch (ExecutionException | TimeoutException e) {
            throw new KafkaUnavailableException(e);
        }
    }

    /**
     * The last stable offset of every partition of {@code topic}: the end a {@code read_committed}
     * reader can reach (an open transaction's records lie beyond it).
     */
    public Map<TopicPartition, Long> endOffsets(String topic) {
        try {
            TopicDescription description =
                    admin.describeTopics(List.of(topic))
                            .allTopicNames()
                            .get(TIMEOUT.toSeconds(), TimeUnit.SECONDS)
                            .get(topic);
            var partitions =
                    description.partitions().stream()
                            .map(p -> new TopicPartition(topic, p.partition()))
                            .toList();
            return offsets(
                    partitions,
                    OffsetSpec.latest(),
                    new ListOffsetsOptions(IsolationLevel.READ_COMMITTED));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new KafkaUnavailableException(e);
        } catch (ExecutionException | TimeoutException e) {
            throw new KafkaUnavailableException(e);
        }
    }

    private TopicsView.Topic topic(
            String name,
            TopicDescription description,
            Map<TopicPartition, Long> earliest,
            Map<TopicPartition, Long> latest,
            Map<String, Map<TopicPartition, OffsetAndMetadata>> committed) {
        List<Partition> partitions = new ArrayList<>();
        long records = 0;
        for (var info : description.partitions()) {
            var tp = new TopicPartition(name, info.partition());
            long start = earliest.getOrDefault(tp, 0L);
            long end = latest.getOrDefault(tp, 0L);
            partitions.add(new Partition(info.partition(), start, end));
            records += end - start;
        }
        List<GroupLag> groups = new ArrayList<>();
        committed.forEach(
                (group, offsets) -> {
                    List<PartitionLag> lags = new ArrayList<>();
                    offsets.forEach(
                            (tp, offset) -> {
                                if (tp.topic().equals(name) && offset != null) {
                                    long end = latest.getOrDefault(tp, offset.offset());
                                    lags.add(
                                            new PartitionLag(
                                                    tp.partition(),
                                                    offset.offset(),
                                                    Math.max(0, end - offset.offset())));
                                }
                            });
                    if (!lags.isEmpty()) {
                        lags.sort(Comparator.comparingInt(PartitionLag::partition));
                        groups.add(
                                new GroupLag(
                                        group,
                                        lags.stream().mapToLong(PartitionLag::lag).sum(),
                                        lags));
                    }
                });
        groups.sort(Comparator.comparing(GroupLag::group));
        return new TopicsView.Topic(name, name.endsWith("-dlt"), partitions, records, groups);
    }

    private Map<TopicPartition, Long> offsets(List<TopicPartition> partitions, OffsetSpec spec)
            throws InterruptedException, ExecutionException, TimeoutException {
        return offsets(partitions, spec, new ListOffsetsOptions());
    }

    private Map<TopicPartition, Long> offsets(
            List<TopicPartition> partitions, OffsetSpec spec, ListOffsetsOptions options)
            throws InterruptedException, ExecutionException, TimeoutException {
        Map<TopicPartition, OffsetSpec> request = new HashMap<>();
        partitions.forEach(tp -> request.put(tp, spec));
        Map<TopicPartition, ListOffsetsResultInfo> result =
                admin.listOffsets(request, options)
                        .all()
                        .get(TIMEOUT.toSeconds(), TimeUnit.SECONDS);
        Map<TopicPartition, Long> offsets = new HashMap<>();
        result.forEach((tp, info) -> offsets.put(tp, info.offset()));
        return offsets;
    }

    private Map<String, Map<TopicPartition, OffsetAndMetadata>> committedByGroup()
            throws InterruptedException, ExecutionException, TimeoutException {
        Map<String, Map<TopicPartition, OffsetAndMetadata>> byGroup = new HashMap<>();
        for (GroupListing group :
                admin.listGroups(ListGroupsOptions.forConsumerGroups())
                        .all()
                        .get(TIMEOUT.toSeconds(), TimeUnit.SECONDS)) {
            byGroup.put(
                    group.groupId(),
                    admin.listConsumerGroupOffsets(group.groupId())
                            .partitionsToOffsetAndMetadata()
                            .get(TIMEOUT.toSeconds(), TimeUnit.SECONDS));
        }
        return byGroup;
    }
}
