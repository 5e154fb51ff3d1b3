package io.milestones.ops.deadletters;

import java.time.Instant;
import java.util.Map;

/**
 * One dead-lettered record as ops see it, personal data masked.
 *
 * @param partition partition in the dead-letter topic
 * @param offset offset in the dead-letter topic
 * @param timestamp when it was dead-lettered
 * @param key the record key, masked
 * @param value the record value as text, masked
 * @param originalTopic where it failed ({@code kafka_dlt-original-topic})
 * @param originalPartition its partition there
 * @param originalOffset its offset there
 * @param consumerGroup the consumer group that failed on it ({@code
 *     kafka_dlt-original-consumer-group}); several groups may dead-letter the same record
 * @param exception the exception class ({@code kafka_dlt-exception-fqcn})
 * @param reason why it failed ({@code kafka_dlt-exception-message}), masked
 * @param rootCause the innermost cause from {@code kafka_dlt-exception-stacktrace}, masked, when it
 *     says more than the reason
 * @param headers every other header as text, masked
 */
public record DeadLetter(
        int partition,
        long offset,
        Instant timestamp,
        String key,
        String value,
        String originalTopic,
        Integer originalPartition,
        Long originalOffset,
        String consumerGroup,
        String exception,
        String reason,
        String rootCause,
        Map<String, String> headers) {}
