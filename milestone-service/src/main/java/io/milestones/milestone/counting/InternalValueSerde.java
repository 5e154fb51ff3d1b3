package io.milestones.milestone.counting;

import io.milestones.events.EventJson;
import io.milestones.events.EventSerde;
import io.milestones.milestone.counting.CountingOptions.ValueFormat;
import org.apache.kafka.common.errors.SerializationException;
import org.apache.kafka.common.serialization.Deserializer;
import org.apache.kafka.common.serialization.Serde;
import org.apache.kafka.common.serialization.Serializer;

/**
 * Compact binary values for the topology's internal state stores and repartition topic (never for
 * the public topics, which stay JSON): a format version byte, then the fields as {@link BinaryOut}
 * writes them. Values written as JSON by earlier versions (first byte <code>{</code>) are still
 * read, so stores, changelogs and repartitioned records survive an upgrade; {@link
 * ValueFormat#JSON} still writes them, for the first step of a rolling upgrade or a roll-back.
 *
 * @param <T> the value type
 */
abstract class InternalValueSerde<T> implements Serde<T> {

    /** The format written; a reader knows each version up to this one. */
    static final byte VERSION = 1;

    private static final byte JSON_OBJECT = '{';

    private final Class<T> type;
    private final boolean writeJson;
    private final Deserializer<T> json;

    InternalValueSerde(Class<T> type, ValueFormat format) {
        this.type = type;
        this.writeJson = format == ValueFormat.JSON;
        this.json = EventSerde.plain(type).deserializer();
    }

    /** Writes the fields of {@code value}, after the version byte. */
    abstract void write(T value, BinaryOut out);

    /** Reads the fields of a version-{@link #VERSION} value, after the version byte. */
    abstract T read(BinaryIn in);

    /** Bytes a typical value takes, the first guess of the buffer size. */
    abstract int sizeHint(T value);

    byte[] serialize(T value) {
        if (value == null) {
            return null;
        }
        if (writeJson) {
            return EventJson.write(value);
        }
        BinaryOut out = new BinaryOut(sizeHint(value));
        out.writeByte(VERSION);
        write(value, out);
        return out.toByteArray();
    }

    T deserialize(String topic, byte[] data) {
        if (data == null) {
            return null;
        }
        if (data.length == 0) {
            throw new SerializationException("empty " + type.getSimpleName() + " on " + topic);
        }
        if (data[0] == JSON_OBJECT) {
            return json.deserialize(topic, data); // an earlier version, or internal-values: json
        }
        if (data[0] != VERSION) {
            throw new SerializationException(
                    "unknown format version "
                            + data[0]
                            + " of "
                            + type.getSimpleName()
                            + " on "
                            + topic);
        }
        try {
            BinaryIn in = new BinaryIn(data, 1);
            T value = read(in);
            if (!in.atEnd()) {
                throw new SerializationException("trailing bytes");
            }
            return value;
        } catch (RuntimeException e) {
            throw new SerializationException(
                    "not a valid " + type.getSimpleName() + " on " + topic + ": " + e.getMessage(),
                    e);
        }
    }

    @Override
    public Serializer<T> serializer() {
        return (topic, value) -> serialize(value);
    }

    @Override
    public Deserializer<T> deserializer() {
        return this::deserialize;
    }
}
