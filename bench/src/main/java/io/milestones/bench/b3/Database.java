package io.milestones.bench.b3;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.Comparator;
import java.util.Locale;
import java.util.UUID;
import java.util.stream.Stream;

/**
 * A fresh registry database for one benchmark variant: an H2 file database in a temporary
 * directory, or a new schema in PostgreSQL (like test-support's {@code TestDatabaseExtension}),
 * removed again by {@link #close()}. PostgreSQL defaults to {@code
 * jdbc:postgresql://127.0.0.1:5432/test}, user {@code postgres}; {@code -Dbench.postgres.url} and
 * {@code -Dbench.postgres.user} change that. H2 runs with {@code WRITE_DELAY=0} as the services
 * ship it (a commit is on disk when it returns); {@code -Dbench.h2.writeDelay=default} leaves H2's
 * lazy default (what the services used before issue 13), a number sets that many ms.
 */
public final class Database implements AutoCloseable {

    private final String name;
    private final String url;
    private final String user;
    private final Path directory;
    private final String baseUrl;
    private final String schema;

    private Database(
            String name, String url, String user, Path directory, String baseUrl, String schema) {
        this.name = name;
        this.url = url;
        this.user = user;
        this.directory = directory;
        this.baseUrl = baseUrl;
        this.schema = schema;
    }

    /** {@code h2} or {@code postgres}. */
    public static Database of(String kind, String purpose) throws IOException, SQLException {
        return switch (kind.toLowerCase(Locale.ROOT)) {
            case "h2" -> h2(purpose);
            case "postgres", "postgresql", "pg" -> postgres(purpose);
            default -> throw new IllegalArgumentException("unknown database " + kind);
        };
    }

    public static Database h2(String purpose) throws IOException {
        Path dir = Files.createTempDirectory("bench-" + purpose + "-h2");
        String writeDelay = System.getProperty("bench.h2.writeDelay", "0").strip();
        if (writeDelay.equalsIgnoreCase("default")) {
            // H2's own default (500 ms): commits reach the disk lazily, lost on kill -9 (issue 13)
            return new Database(
                    "H2 (WRITE_DELAY default)",
                    "jdbc:h2:file:" + dir + "/registry",
                    "sa",
                    dir,
                    null,
                    null);
        }
        String name = writeDelay.equals("0") ? "H2" : "H2 (WRITE_DELAY=" + writeDelay + ")";
        return new Database(
                name,
                "jdbc:h2:file:" + dir + "/registry;WRITE_DELAY=" + Integer.parseInt(writeDelay),
                "sa",
                dir,
                null,
                null);
    }

    public static Database postgres(String purpose) throws SQLException {
        String base =
                System.getProperty("bench.postgres.url", "jdbc:postgresql://127.0.0.1:5432/test");
        String user = System.getProperty("bench.postgres.user", "postgres");
        String schema =
                "bench_"
                        + purpose.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]", "")
                        + "_"
                        + UUID.randomUUID().toString().replace("-", "").substring(0, 8);
        try (Connection c = DriverManager.getConnection(base, user, "")) {
            c.createStatement().execute("CREATE SCHEMA " + schema);
        }
        String url = base + (base.contains("?") ? "&" : "?") + "currentSchema=" + schema;
        return new Database("PostgreSQL", url, user, null, base, schema);
    }

    /** {@code H2} or {@code PostgreSQL}. */
    public String name() {
        return name;
    }

    public boolean postgres() {
        return schema != null;
    }

    public String url() {
        return url;
    }

    public String user() {
        return user;
    }

    public Connection connect() throws SQLException {
        return DriverManager.getConnection(url, user, "");
    }

    @Override
    public void close() throws SQLException {
        if (schema != null) {
            try (Connection c = DriverManager.getConnection(baseUrl, user, "")) {
                c.createStatement().execute("DROP SCHEMA " + schema + " CASCADE");
            }
        }
        if (directory != null) {
            try (Stream<Path> files = Files.walk(directory)) {
                files.sorted(Comparator.reverseOrder()).forEach(Database::delete);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }

    private static void delete(Path path) {
        try {
            Files.deleteIfExists(path);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
