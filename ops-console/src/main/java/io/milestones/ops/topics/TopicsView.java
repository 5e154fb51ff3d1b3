package io.milestones.ops.topics;

import java.util.List;

/**
 * Every topic of the cluster as ops see it.
 *
 * @param topics the topics, by name
 */
public record TopicsView(List<Topic> topics) {

    /**
     * @param name the topic
     * @param deadLetter whether it is a dead-letter topic ({@code *-dlt})
     * @param partitions per partition: start and end offsets
     * @param records records currently retained (sum of end − start)
     * @param groups the consumer groups that committed offsets on it, with their lag
     */
    public record Topic(
            String name,
            boolean deadLetter,
            List<Partition> partitions,
            long records,
            List<GroupLag> groups) {}

    /**
     * @param partition the partition number
     * @param startOffset the earliest retained offset
     * @param endOffset the next offset to be written
     */
    public record Partition(int partition, long startOffset, long endOffset) {}

    /**
     * @param group the consumer group
     * @param lag total records not yet consumed
     * @param partitions lag per partition
     */
    public record GroupLag(String group, long lag, List<PartitionLag> partitions) {}

    /**
     * @param partition the partition number
     * @param committed the group's committed offset
     * @param lag end offset − committed offset
     */
    public record PartitionLag(int partition, long committed, long lag) {}
}
