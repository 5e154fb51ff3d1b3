package io.milestones.registration.importing;

import java.io.Closeable;
import java.io.IOException;
import java.io.InputStream;
import java.util.Iterator;

/** Streams the rows of an import file, one at a time, in bounded memory. */
interface RowReader extends Iterator<ParsedRow>, Closeable {

    static RowReader open(ImportFormat format, InputStream in) throws IOException {
        return switch (format) {
            case NDJSON -> new NdjsonRowReader(in);
            case CSV -> new CsvRowReader(in);
        };
    }
}
