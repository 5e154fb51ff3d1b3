package io.milestones.ops.deadletters;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.header.Headers;

/** Reads the exception headers spring-kafka's {@code DeadLetterPublishingRecoverer} writes. */
final class DeadLetterHeaders {

    static final String PREFIX = "kafka_dlt-";
    static final String ORIGINAL_TOPIC = "kafka_dlt-original-topic";
    static final String ORIGINAL_PARTITION = "kafka_dlt-original-partition";
    static final String ORIGINAL_OFFSET = "kafka_dlt-original-offset";
    static final String EXCEPTION_FQCN = "kafka_dlt-exception-fqcn";
    static final String EXCEPTION_MESSAGE = "kafka_dlt-exception-message";
    static final String EXCEPTION_CAUSE = "kafka_dlt-exception-cause-fqcn";
    static final String EXCEPTION_STACKTRACE = "kafka_dlt-exception-stacktrace";
    static final String ORIGINAL_CONSUMER_GROUP = "kafka_dlt-original-consumer-group";

    private DeadLetterHeaders() {}

    static String text(Headers headers, String key) {
        Header header = headers.lastHeader(key);
        return header == null || header.value() == null
                ? null
                : new String(header.value(), StandardCharsets.UTF_8);
    }

    /** The message of the innermost "Caused by:" of the stack trace header, if there is one. */
    static String rootCause(Headers headers) {
        String trace = text(headers, EXCEPTION_STACKTRACE);
        if (trace == null) {
            return null;
        }
        String cause = null;
        for (String line : trace.lines().toList()) {
            if (line.startsWith("Caused by: ")) {
                cause = line.substring("Caused by: ".length());
            }
        }
        return cause;
    }

    static Integer intValue(Headers headers, String key) {
        Header header = headers.lastHeader(key);
        return header == null || header.value() == null || header.value().length != 4
                ? null
                : ByteBuffer.wrap(header.value()).getInt();
    }

    static Long longValue(Headers headers, String key) {
        Header header = headers.lastHeader(key);
        return header == null || header.value() == null || header.value().length != 8
                ? null
                : ByteBuffer.wrap(header.value()).getLong();
    }
}
