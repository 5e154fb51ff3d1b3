package io.milestones.bench.b7;

import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.function.LongFunction;

/**
 * A file of {@code rows} lines generated while it is read (line {@code n} from 1), so that a
 * million rows never sit in memory.
 */
final class GeneratedLines extends InputStream {

    private final long rows;
    private final LongFunction<String> line;
    private long row;
    private byte[] current = new byte[0];
    private int position;

    GeneratedLines(long rows, LongFunction<String> line) {
        this.rows = rows;
        this.line = line;
    }

    private boolean fill() {
        if (position < current.length) {
            return true;
        }
        if (row == rows) {
            return false;
        }
        row++;
        current = line.apply(row).getBytes(StandardCharsets.UTF_8);
        position = 0;
        return true;
    }

    @Override
    public int read() {
        return fill() ? current[position++] & 0xff : -1;
    }

    @Override
    public int read(byte[] buffer, int offset, int length) {
        if (length == 0) {
            return 0;
        }
        int done = 0;
        while (done < length && fill()) {
            int n = Math.min(length - done, current.length - position);
            System.arraycopy(current, position, buffer, offset + done, n);
            position += n;
            done += n;
        }
        return done == 0 ? -1 : done;
    }
}
