package io.milestones.bench.b6;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.UUID;
import javax.sql.DataSource;

/**
 * Confirmed subscribers written straight into the notifier's tables (schema of its Flyway migration
 * V1: {@code subscriptions} and {@code subscription_scopes}), in batches.
 */
public final class Subscribers {

    private static final int BATCH = 1_000;

    private Subscribers() {}

    /**
     * Inserts {@code count} confirmed subscribers of {@code scope}, {@code <prefix>N@example.org}.
     */
    public static void insert(DataSource dataSource, String prefix, String scope, int count)
            throws SQLException {
        Timestamp now = Timestamp.from(Instant.now());
        try (Connection connection = dataSource.getConnection();
                var subscription =
                        connection.prepareStatement(
                                "insert into subscriptions (id, email, language, status,"
                                        + " teacher_id, created_at, confirmed_at)"
                                        + " values (?, ?, 'en', 'CONFIRMED', null, ?, ?)");
                var scopes =
                        connection.prepareStatement(
                                "insert into subscription_scopes (subscription_id, scope)"
                                        + " values (?, ?)")) {
            connection.setAutoCommit(false);
            for (int i = 0; i < count; i++) {
                UUID id = UUID.randomUUID();
                subscription.setObject(1, id);
                subscription.setString(2, prefix + i + "@example.org");
                subscription.setTimestamp(3, now);
                subscription.setTimestamp(4, now);
                subscription.addBatch();
                scopes.setObject(1, id);
                scopes.setString(2, scope);
                scopes.addBatch();
                if ((i + 1) % BATCH == 0 || i == count - 1) {
                    subscription.executeBatch();
                    scopes.executeBatch();
                    connection.commit();
                }
            }
        }
    }

    /**
     * The contact the notifier has read of the teacher who crosses the benchmarks' milestones:
     * without it each fan-out would first wait for her contact
     * (milestones.fanout.crossing-name-wait).
     */
    public static void crossingTeacher(DataSource dataSource, String teacherId)
            throws SQLException {
        try (Connection connection = dataSource.getConnection();
                var name =
                        connection.prepareStatement(
                                "insert into teacher_names (teacher_id, display_name, public_name,"
                                        + " updated_at) values (?, 'Bench Teacher', true, ?)")) {
            name.setString(1, teacherId);
            name.setTimestamp(2, Timestamp.from(Instant.now()));
            name.executeUpdate();
        }
    }
}
