package io.milestones.notifier.delivery;

import io.milestones.testing.TestDatabaseExtension;
import java.sql.Timestamp;
import java.util.List;
import java.util.UUID;
import org.flywaydb.core.Flyway;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.jdbc.datasource.DriverManagerDataSource;

/** A test database with the notifier's tables, and one milestone's deliveries as text. */
final class DeliveryTables {

    final JdbcTemplate jdbc;
    final DataSourceTransactionManager transactions;

    DeliveryTables(TestDatabaseExtension db) {
        var dataSource = new DriverManagerDataSource(db.url(), db.user(), db.password());
        jdbc = new JdbcTemplate(dataSource);
        transactions = new DataSourceTransactionManager(dataSource);
    }

    /** The notifier's migrations, as the service runs them. */
    static void migrate(TestDatabaseExtension db) {
        Flyway.configure()
                .dataSource(db.url(), db.user(), db.password())
                .locations("classpath:db/migration/notifier")
                .load()
                .migrate();
    }

    /** A request of {@code milestone} to a subscriber, resolved to {@code address}. */
    static NotificationRequest request(String milestone, String address) {
        return NotificationRequest.toSubscriber(milestone, "en", UUID.randomUUID(), false)
                .resolvedTo(address);
    }

    /** "recipient STATUS attempts" for each deliveries row of {@code milestone}, by recipient. */
    List<String> rows(String milestone) {
        return jdbc
                .queryForList(
                        "select recipient, status, attempts from deliveries where milestone_id = ?"
                                + " order by recipient",
                        milestone)
                .stream()
                .map(
                        row ->
                                row.get("RECIPIENT")
                                        + " "
                                        + row.get("STATUS")
                                        + " "
                                        + row.get("ATTEMPTS"))
                .toList();
    }

    /** When the delivery of {@code milestone} to {@code recipient} last changed. */
    Timestamp updatedAt(String milestone, String recipient) {
        return jdbc.queryForObject(
                "select updated_at from deliveries where milestone_id = ? and recipient = ?",
                Timestamp.class,
                milestone,
                recipient);
    }

    /** A count query with the milestone as its one parameter. */
    int count(String sql, String milestone) {
        return jdbc.queryForObject(sql, Integer.class, milestone);
    }
}
