package io.milestones.milestone.counting;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Arrays;

/**
 * A growing byte array that the internal binary values are written to: variable-length numbers
 * (small counts and hours take one to five bytes, not eight), UTF-8 strings and instants, each
 * nullable field behind a presence byte. {@link BinaryIn} reads them back.
 */
final class BinaryOut {

    private byte[] bytes;
    private int size;

    BinaryOut(int capacity) {
        bytes = new byte[Math.max(capacity, 16)];
    }

    void writeByte(int value) {
        ensure(1);
        bytes[size++] = (byte) value;
    }

    void writeBoolean(boolean value) {
        writeByte(value ? 1 : 0);
    }

    /** Any long, zig-zag encoded: small magnitudes of either sign take few bytes. */
    void writeLong(long value) {
        writeUnsigned((value << 1) ^ (value >> 63));
    }

    /** A non-negative length, or a number of items that take at least a byte each. */
    void writeLength(int value) {
        writeUnsigned(value);
    }

    /** A string as its UTF-8 bytes after their length plus one; {@code null} as length 0. */
    void writeString(String value) {
        if (value == null) {
            writeUnsigned(0);
            return;
        }
        byte[] utf8 = value.getBytes(StandardCharsets.UTF_8);
        writeUnsigned(utf8.length + 1L);
        ensure(utf8.length);
        System.arraycopy(utf8, 0, bytes, size, utf8.length);
        size += utf8.length;
    }

    /** A nullable instant: presence byte, then epoch second and nanosecond of that second. */
    void writeInstant(Instant value) {
        writeBoolean(value != null);
        if (value != null) {
            writeLong(value.getEpochSecond());
            writeUnsigned(value.getNano());
        }
    }

    byte[] toByteArray() {
        return Arrays.copyOf(bytes, size);
    }

    private void writeUnsigned(long value) {
        ensure(10);
        long rest = value;
        while ((rest & ~0x7FL) != 0) {
            bytes[size++] = (byte) ((rest & 0x7F) | 0x80);
            rest >>>= 7;
        }
        bytes[size++] = (byte) rest;
    }

    private void ensure(int more) {
        if (size + more > bytes.length) {
            bytes = Arrays.copyOf(bytes, Math.max(bytes.length * 2, size + more));
        }
    }
}
