package io.milestones.events;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.UUID;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.header.Headers;

/**
 * CloudEvents 1.0 attributes carried in Kafka binary mode: {@code ce_*} headers beside a JSON value
 * (CloudEvents Kafka protocol binding, section 3.2).
 *
 * @param id unique per event and kept across producer retries, so consumers can de-duplicate
 * @param source URI reference of the producer, e.g. {@code /registration-service}
 * @param type the event type
 * @param time when the event happened
 */
public record CloudEvent(String id, String source, EventType type, Instant time) {

    public static final String SPEC_VERSION = "1.0";
    public static final String CONTENT_TYPE = "application/json";
    public static final String H_SPECVERSION = "ce_specversion";
    public static final String H_ID = "ce_id";
    public static final String H_SOURCE = "ce_source";
    public static final String H_TYPE = "ce_type";
    public static final String H_TIME = "ce_time";
    public static final String H_CONTENT_TYPE = "content-type";

    public CloudEvent {
        Require.text(id, "ce_id");
        Require.text(source, "ce_source");
        Require.present(type, "ce_type");
        Require.present(time, "ce_time");
    }

    /** A new event with a random id. */
    public static CloudEvent create(String source, EventType type, Instant time) {
        return new CloudEvent(UUID.randomUUID().toString(), source, type, time);
    }

    /** Writes the attributes as headers, replacing any earlier {@code ce_*} headers. */
    public Headers writeTo(Headers headers) {
        put(headers, H_SPECVERSION, SPEC_VERSION);
        put(headers, H_ID, id);
        put(headers, H_SOURCE, source);
        put(headers, H_TYPE, type.ceType());
        put(headers, H_TIME, time.toString());
        put(headers, H_CONTENT_TYPE, CONTENT_TYPE);
        return headers;
    }

    /**
     * Reads the attributes from headers.
     *
     * @throws IllegalArgumentException naming the header that is missing or malformed
     */
    public static CloudEvent readFrom(Headers headers) {
        String specVersion = get(headers, H_SPECVERSION);
        if (!SPEC_VERSION.equals(specVersion)) {
            throw new IllegalArgumentException(
                    H_SPECVERSION + " must be " + SPEC_VERSION + ", got " + specVersion);
        }
        String ceType = Require.present(get(headers, H_TYPE), H_TYPE);
        EventType type =
                EventType.ofCeType(ceType)
                        .orElseThrow(
                                () -> new IllegalArgumentException("unknown ce_type " + ceType));
        String time = Require.present(get(headers, H_TIME), H_TIME);
        try {
            return new CloudEvent(
                    get(headers, H_ID), get(headers, H_SOURCE), type, Instant.parse(time));
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException("ce_time is not an RFC 3339 instant: " + time, e);
        }
    }

    /** The event type named by the {@code ce_type} header, if any and known. */
    public static java.util.Optional<EventType> typeOf(Headers headers) {
        String ceType = get(headers, H_TYPE);
        return ceType == null ? java.util.Optional.empty() : EventType.ofCeType(ceType);
    }

    private static void put(Headers headers, String key, String value) {
        headers.remove(key);
        headers.add(key, value.getBytes(StandardCharsets.UTF_8));
    }

    private static String get(Headers headers, String key) {
        Header header = headers == null ? null : headers.lastHeader(key);
        return header == null || header.value() == null
                ? null
                : new String(header.value(), StandardCharsets.UTF_8);
    }
}
