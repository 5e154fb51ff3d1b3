package io.milestones.events;

import org.apache.kafka.common.errors.SerializationException;
import org.apache.kafka.common.header.Headers;
import org.apache.kafka.common.serialization.Deserializer;
import org.apache.kafka.common.serialization.Serde;
import org.apache.kafka.common.serialization.Serializer;

/**
 * Kafka serde for the contract's events, as JSON via {@link EventJson}.
 *
 * <p>The deserializer picks the record class from the {@code ce_type} header when there is one (a
 * topic may carry several types), and falls back to the type this serde was made for. A value that
 * is not valid JSON, lacks a required field or breaks an invariant raises a {@link
 * SerializationException} naming the cause, so error handlers can dead-letter it.
 *
 * @param <T> the event type this serde reads when a record carries no {@code ce_type}
 */
public final class EventSerde<T> implements Serde<T> {

    private final Class<T> baseType;
    private final Class<? extends T> fallbackType;
    private final boolean typedByHeader;

    private EventSerde(Class<T> baseType, Class<? extends T> fallbackType, boolean typedByHeader) {
        this.baseType = baseType;
        this.fallbackType = fallbackType;
        this.typedByHeader = typedByHeader;
    }

    /** Reads {@code type}, or a subtype named by {@code ce_type}. */
    public static <T> EventSerde<T> of(Class<T> type) {
        return new EventSerde<>(type, type, true);
    }

    /**
     * Reads any event of the contract named by {@code ce_type}, and {@code fallback} when a record
     * carries no {@code ce_type} (a producer that writes plain JSON).
     */
    public static EventSerde<Object> anyOf(Class<?> fallback) {
        return new EventSerde<>(Object.class, fallback, true);
    }

    /** JSON of {@code type}, ignoring headers: for internal topics whose records are not events. */
    public static <T> EventSerde<T> plain(Class<T> type) {
        return new EventSerde<>(type, type, false);
    }

    @Override
    public Serializer<T> serializer() {
        return new EventSerializer<>();
    }

    @Override
    public Deserializer<T> deserializer() {
        return new TypedDeserializer<>(baseType, fallbackType, typedByHeader);
    }

    /** Writes any event record as JSON; usable by class name in Kafka configuration. */
    public static final class EventSerializer<T> implements Serializer<T> {
        @Override
        public byte[] serialize(String topic, T data) {
            return data == null ? null : EventJson.write(data);
        }
    }

    /**
     * Reads any event of the contract, typed by its {@code ce_type} header; usable by class name in
     * Kafka configuration.
     */
    public static final class EventDeserializer extends TypedDeserializer<Object> {
        public EventDeserializer() {
            super(Object.class, Object.class, true);
        }
    }

    static class TypedDeserializer<T> implements Deserializer<T> {
        private final Class<T> baseType;
        private final Class<? extends T> fallbackType;
        private final boolean typedByHeader;

        TypedDeserializer(
                Class<T> baseType, Class<? extends T> fallbackType, boolean typedByHeader) {
            this.baseType = baseType;
            this.fallbackType = fallbackType;
            this.typedByHeader = typedByHeader;
        }

        @Override
        public T deserialize(String topic, byte[] data) {
            return baseType.cast(read(topic, fallbackType, data));
        }

        @Override
        public T deserialize(String topic, Headers headers, byte[] data) {
            if (!typedByHeader) {
                return deserialize(topic, data);
            }
            Class<?> type =
                    CloudEvent.typeOf(headers)
                            .<Class<?>>map(EventType::payload)
                            .orElse(fallbackType);
            if (!baseType.isAssignableFrom(type)) {
                throw new SerializationException(
                        "record on "
                                + topic
                                + " is a "
                                + type.getSimpleName()
                                + ", expected "
                                + baseType.getSimpleName());
            }
            return baseType.cast(read(topic, type, data));
        }

        private static <R> R read(String topic, Class<R> type, byte[] data) {
            if (data == null) {
                return null;
            }
            if (type == Object.class) {
                throw new SerializationException(
                        "record on " + topic + " has no known ce_type header");
            }
            try {
                return EventJson.read(data, type);
            } catch (RuntimeException e) {
                throw new SerializationException(
                        "not a valid "
                                + type.getSimpleName()
                                + " on "
                                + topic
                                + ": "
                                + rootMessage(e),
                        e);
            }
        }

        private static String rootMessage(Throwable e) {
            Throwable cause = e;
            while (cause.getCause() != null && cause.getCause() != cause) {
                cause = cause.getCause();
            }
            String message = cause.getMessage();
            return message == null
                    ? cause.getClass().getSimpleName()
                    : message.lines().findFirst().orElse("");
        }
    }
}
