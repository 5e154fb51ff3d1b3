package io.milestones.bench.b7;

import io.milestones.bench.b3.Database;
import java.sql.Connection;
import java.util.function.LongFunction;
import org.postgresql.PGConnection;

/**
 * B7's reference: PostgreSQL {@code COPY … FROM STDIN} (the JDBC driver's CopyManager) of the same
 * rows into empty tables created {@code LIKE} the registry's (same columns, constraints and
 * indexes), streamed from the generator.
 */
final class CopyReference {

    private CopyReference() {}

    /**
     * @return seconds to copy {@code rows} rows into a new table shaped like {@code table}
     */
    static double copy(
            Database db, String table, String columns, long rows, LongFunction<String> csv)
            throws Exception {
        String target = "copy_" + table;
        try (Connection c = db.connect()) {
            c.createStatement()
                    .execute("CREATE TABLE " + target + " (LIKE " + table + " INCLUDING ALL)");
            long start = System.nanoTime();
            long copied =
                    c.unwrap(PGConnection.class)
                            .getCopyAPI()
                            .copyIn(
                                    "COPY " + target + " (" + columns + ") FROM STDIN (FORMAT csv)",
                                    new GeneratedLines(rows, csv),
                                    65536);
            double seconds = (System.nanoTime() - start) / 1e9;
            if (copied != rows) {
                throw new IllegalStateException("copied " + copied + " of " + rows + " rows");
            }
            return seconds;
        }
    }
}
