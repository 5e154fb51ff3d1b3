package io.milestones.ops.deadletters;

import io.milestones.ops.topics.TopicsService;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.function.Supplier;
import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.header.Header;
import org.springframework.stereotype.Component;

/**
 * Reads dead letters without joining a consumer group (assign + seek), newest first, and finds a
 * single record by partition and offset for replay.
 */
@Component
class DeadLetterReader {

    private static final Duration POLL = Duration.ofMillis(500);
    private static final Duration SCAN_LIMIT = Duration.ofSeconds(20);
    private static final Comparator<ConsumerRecord<byte[], byte[]>> NEWEST_FIRST =
            Comparator.comparingLong((ConsumerRecord<byte[], byte[]> r) -> r.timestamp())
                    .reversed()
                    .thenComparing(ConsumerRecord::partition)
                    .thenComparing(
                            Comparator.comparingLong(
                                            (ConsumerRecord<byte[], byte[]> r) -> r.offset())
                                    .reversed());

    private final Supplier<Consumer<byte[], byte[]>> consumers;
    private final TopicsService topics;

    DeadLetterReader(Supplier<Consumer<byte[], byte[]>> consumers, TopicsService topics) {
        this.consumers = consumers;
        this.topics = topics;
    }

    /**
     * One page of {@code topic}'s records, newest first.
     *
     * @param page zero-based page number
     * @param size records per page
     */
    DeadLetterPage page(String topic, int page, int size) {
        Map<TopicPartition, Long> ends = topics.endOffsets(topic);
        int wanted = (page + 1) * size;
        // Offsets overstate the count on transactional topics (commit markers, aborted writes):
        // count the committed records themselves, keeping only the newest few per partition.
        Map<Integer, ArrayDeque<ConsumerRecord<byte[], byte[]>>> newestByPartition =
                new HashMap<>();
        long total = 0;
        try (Consumer<byte[], byte[]> consumer = consumers.get()) {
            consumer.assign(ends.keySet());
            consumer.seekToBeginning(ends.keySet());
            long deadline = System.nanoTime() + SCAN_LIMIT.toNanos();
            while (ends.entrySet().stream()
                            .anyMatch(e -> consumer.position(e.getKey()) < e.getValue())
                    && System.nanoTime() < deadline) {
                for (var record : consumer.poll(POLL)) {
                    total++;
                    var newest =
                            newestByPartition.computeIfAbsent(
                                    record.partition(), p -> new ArrayDeque<>());
                    newest.addLast(record);
                    if (newest.size() > wanted) {
                        newest.removeFirst();
                    }
                }
            }
        }
        List<ConsumerRecord<byte[], byte[]>> newest = new ArrayList<>();
        newestByPartition.values().forEach(newest::addAll);
        newest.sort(NEWEST_FIRST);
        List<DeadLetter> records =
                newest.stream()
                        .skip((long) page * size)
                        .limit(size)
                        .map(DeadLetterReader::view)
                        .toList();
        return new DeadLetterPage(topic, page, size, total, records);
    }

    /** The record at {@code partition}/{@code offset} of {@code topic}, if it is still retained. */
    Optional<ConsumerRecord<byte[], byte[]>> find(String topic, int partition, long offset) {
        var tp = new TopicPartition(topic, partition);
        try (Consumer<byte[], byte[]> consumer = consumers.get()) {
            consumer.assign(List.of(tp));
            consumer.seek(tp, offset);
            long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
            while (System.nanoTime() < deadline) {
                for (var record : consumer.poll(POLL).records(tp)) {
                    if (record.offset() == offset) {
                        return Optional.of(record);
                    }
                    if (record.offset() > offset) {
                        return Optional.empty();
                    }
                }
                if (consumer.position(tp) > offset) {
                    return Optional.empty();
                }
            }
            return Optional.empty();
        }
    }

    static DeadLetter view(ConsumerRecord<byte[], byte[]> record) {
        Map<String, String> others = new TreeMap<>();
        for (Header header : record.headers()) {
            if (!header.key().startsWith(DeadLetterHeaders.PREFIX)
                    && !header.key().startsWith("kafka_")
                    && header.value() != null) {
                others.put(
                        header.key(),
                        Masking.mask(new String(header.value(), StandardCharsets.UTF_8)));
            }
        }
        var headers = record.headers();
        return new DeadLetter(
                record.partition(),
                record.offset(),
                Instant.ofEpochMilli(record.timestamp()),
                Masking.mask(text(record.key())),
                Masking.mask(text(record.value())),
                DeadLetterHeaders.text(headers, DeadLetterHeaders.ORIGINAL_TOPIC),
                DeadLetterHeaders.intValue(headers, DeadLetterHeaders.ORIGINAL_PARTITION),
                DeadLetterHeaders.longValue(headers, DeadLetterHeaders.ORIGINAL_OFFSET),
                DeadLetterHeaders.text(headers, DeadLetterHeaders.ORIGINAL_CONSUMER_GROUP),
                DeadLetterHeaders.text(headers, DeadLetterHeaders.EXCEPTION_FQCN),
                Masking.mask(DeadLetterHeaders.text(headers, DeadLetterHeaders.EXCEPTION_MESSAGE)),
                Masking.mask(DeadLetterHeaders.rootCause(headers)),
                others);
    }

    private static String text(byte[] bytes) {
        return bytes == null ? null : new String(bytes, StandardCharsets.UTF_8);
    }

    /**
     * @param topic the dead-letter topic
     * @param page this page's number
     * @param size records per page
     * @param total committed records retained in the topic
     * @param records this page, newest first
     */
    record DeadLetterPage(String topic, int page, int size, long total, List<DeadLetter> records) {}
}
