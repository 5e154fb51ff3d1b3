package io.milestones.testing;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Locale;
import java.util.UUID;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.springframework.test.context.DynamicPropertyRegistry;

/**
 * A fresh, isolated SQL database for one test class: H2 in memory by default, or a new schema in
 * PostgreSQL when {@code -Dmilestones.test.db=postgres} (see {@link #PROPERTY}). Register it as a
 * static field and feed it to Spring:
 *
 * <pre>{@code
 * @RegisterExtension static TestDatabaseExtension db = new TestDatabaseExtension();
 *
 * @DynamicPropertySource
 * static void database(DynamicPropertyRegistry registry) { db.register(registry); }
 * }</pre>
 *
 * <p>PostgreSQL defaults to {@code jdbc:postgresql://127.0.0.1:5432/test}, user {@code postgres}
 * (trust auth); {@code milestones.test.postgres.url}, {@code .user} and {@code .password} change
 * that. Where PostgreSQL is chosen but unreachable the class is skipped, unless {@code CI} is set:
 * then it fails, so CI cannot silently test less.
 */
public final class TestDatabaseExtension implements BeforeAllCallback {

    private static final ExtensionContext.Namespace NAMESPACE =
            ExtensionContext.Namespace.create(TestDatabaseExtension.class);

    /** System property choosing the database: {@code h2} (default) or {@code postgres}. */
    public static final String PROPERTY = "milestones.test.db";

    private String url;
    private String baseUrl;
    private String user;
    private String password;
    private String schema;

    /** Whether this run tests against PostgreSQL. */
    public static boolean postgres() {
        return "postgres".equals(System.getProperty(PROPERTY, "h2").toLowerCase(Locale.ROOT));
    }

    @Override
    public void beforeAll(ExtensionContext context) throws SQLException {
        if (url != null) {
            // a @Nested class of the class that created the database: it shares that database
            return;
        }
        String name = context.getRequiredTestClass().getSimpleName().toLowerCase(Locale.ROOT);
        String unique = UUID.randomUUID().toString().replace("-", "").substring(0, 8);
        if (!postgres()) {
            url = "jdbc:h2:mem:" + name + "_" + unique + ";DB_CLOSE_DELAY=-1";
            user = "sa";
            password = "";
            return;
        }
        String base =
                System.getProperty(
                        "milestones.test.postgres.url", "jdbc:postgresql://127.0.0.1:5432/test");
        user = System.getProperty("milestones.test.postgres.user", "postgres");
        password = System.getProperty("milestones.test.postgres.password", "");
        schema = "t_" + name.replaceAll("[^a-z0-9]", "") + "_" + unique;
        try (Connection connection = DriverManager.getConnection(base, user, password)) {
            connection.createStatement().execute("CREATE SCHEMA " + schema);
        } catch (SQLException e) {
            if (System.getenv("CI") == null) {
                Assumptions.abort(
                        "PostgreSQL chosen but not reachable at " + base + ": " + e.getMessage());
            }
            throw e;
        }
        baseUrl = base;
        url = base + (base.contains("?") ? "&" : "?") + "currentSchema=" + schema;
        // dropped when the class's context closes, after every AfterAll callback (and so after
        // a Spring context closed with the class stopped using the schema)
        context.getStore(NAMESPACE).put(this, (AutoCloseable) this::dropSchema);
    }

    private void dropSchema() throws SQLException {
        url = null;
        if (schema == null) {
            return;
        }
        // The class's Spring context stays in the context cache after the class, still connected:
        // its outbox relay may hold a transaction open (the broker is gone) and DROP SCHEMA would
        // wait for that lock forever. End the sessions that lock the schema's tables, then drop;
        // a session that locks again in between only costs another round.
        try (Connection connection = DriverManager.getConnection(baseUrl, user, password);
                Statement statement = connection.createStatement();
                PreparedStatement lockers =
                        connection.prepareStatement(
                                "select pg_terminate_backend(l.pid) from pg_locks l"
                                        + " join pg_class r on r.oid = l.relation"
                                        + " join pg_namespace n on n.oid = r.relnamespace"
                                        + " where n.nspname = ? and l.pid <> pg_backend_pid()")) {
            statement.execute("SET lock_timeout = '2s'");
            lockers.setString(1, schema);
            for (int round = 1; ; round++) {
                lockers.executeQuery().close();
                try {
                    statement.execute("DROP SCHEMA " + schema + " CASCADE");
                    return;
                } catch (SQLException e) {
                    if (!"55P03".equals(e.getSQLState()) || round == 10) { // lock_not_available
                        throw e;
                    }
                }
            }
        }
    }

    /** Points Spring's data source (and so Flyway) at this database. */
    public void register(DynamicPropertyRegistry registry) {
        registry.add("spring.datasource.url", this::url);
        registry.add("spring.datasource.username", () -> user);
        registry.add("spring.datasource.password", () -> password);
    }

    /** The JDBC URL, valid while the test class runs. */
    public String url() {
        if (url == null) {
            throw new IllegalStateException("the database exists only while the test class runs");
        }
        return url;
    }

    public String user() {
        return user;
    }

    public String password() {
        return password;
    }
}
