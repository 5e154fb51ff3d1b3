package io.milestones.milestone.counting;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import org.apache.kafka.common.header.Headers;
import org.apache.kafka.streams.processor.api.RecordMetadata;

/**
 * The exception headers spring-kafka's {@code DeadLetterPublishingRecoverer} writes, so that every
 * dead-letter topic of the system reads the same, whoever wrote it.
 */
final class DeadLetterHeaders {

    static final String ORIGINAL_TOPIC = "kafka_dlt-original-topic";
    static final String ORIGINAL_PARTITION = "kafka_dlt-original-partition";
    static final String ORIGINAL_OFFSET = "kafka_dlt-original-offset";
    static final String EXCEPTION_FQCN = "kafka_dlt-exception-fqcn";
    static final String EXCEPTION_MESSAGE = "kafka_dlt-exception-message";
    static final String ORIGINAL_CONSUMER_GROUP = "kafka_dlt-original-consumer-group";

    private DeadLetterHeaders() {}

    /** {@code group} is who failed: the Kafka Streams application.id, its consumer group. */
    static void write(Headers headers, RecordMetadata origin, String group, Exception cause) {
        headers.add(ORIGINAL_TOPIC, utf8(origin.topic()));
        headers.add(ORIGINAL_PARTITION, ByteBuffer.allocate(4).putInt(origin.partition()).array());
        headers.add(ORIGINAL_OFFSET, ByteBuffer.allocate(8).putLong(origin.offset()).array());
        headers.add(ORIGINAL_CONSUMER_GROUP, utf8(group));
        headers.add(EXCEPTION_FQCN, utf8(cause.getClass().getName()));
        headers.add(EXCEPTION_MESSAGE, utf8(String.valueOf(cause.getMessage())));
    }

    private static byte[] utf8(String value) {
        return value.getBytes(StandardCharsets.UTF_8);
    }
}
