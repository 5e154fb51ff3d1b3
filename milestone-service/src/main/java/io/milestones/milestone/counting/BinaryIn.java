package io.milestones.milestone.counting;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import org.apache.kafka.common.errors.SerializationException;

/**
 * Reads what {@link BinaryOut} wrote, in the same order; a value that ends early or holds an
 * impossible length raises a {@link SerializationException}.
 */
final class BinaryIn {

    private final byte[] bytes;
    private int position;

    BinaryIn(byte[] bytes, int offset) {
        this.bytes = bytes;
        this.position = offset;
    }

    int readByte() {
        if (position >= bytes.length) {
            throw new SerializationException("value ends early, at byte " + position);
        }
        return bytes[position++];
    }

    boolean readBoolean() {
        return readByte() != 0;
    }

    long readLong() {
        long zigZag = readUnsigned();
        return (zigZag >>> 1) ^ -(zigZag & 1);
    }

    int readLength() {
        return checkedLength(readUnsigned());
    }

    String readString() {
        long lengthPlusOne = readUnsigned();
        if (lengthPlusOne == 0) {
            return null;
        }
        int length = checkedLength(lengthPlusOne - 1);
        String value = new String(bytes, position, length, StandardCharsets.UTF_8);
        position += length;
        return value;
    }

    Instant readInstant() {
        if (!readBoolean()) {
            return null;
        }
        long seconds = readLong();
        return Instant.ofEpochSecond(seconds, readUnsigned());
    }

    /** Whether every byte was read: a longer value is not one this format wrote. */
    boolean atEnd() {
        return position == bytes.length;
    }

    private long readUnsigned() {
        long value = 0;
        for (int shift = 0; shift < 64; shift += 7) {
            int b = readByte();
            value |= (long) (b & 0x7F) << shift;
            if ((b & 0x80) == 0) {
                return value;
            }
        }
        throw new SerializationException("variable-length number longer than 10 bytes");
    }

    private int checkedLength(long length) {
        if (length < 0 || length > bytes.length - position) {
            throw new SerializationException(
                    "length " + length + " at byte " + position + " exceeds the value");
        }
        return (int) length;
    }
}
