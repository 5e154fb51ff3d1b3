package io.milestones.testing;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.DriverManager;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

class TestDatabaseExtensionTest {

    @RegisterExtension static TestDatabaseExtension db = new TestDatabaseExtension();

    @Test
    void shouldGiveAnIsolatedWritableDatabase() throws Exception {
        try (var connection = DriverManager.getConnection(db.url(), db.user(), db.password())) {
            connection.createStatement().execute("CREATE TABLE probe (id INT PRIMARY KEY)");
            connection.createStatement().execute("INSERT INTO probe VALUES (1)");
            var rows = connection.createStatement().executeQuery("SELECT count(*) FROM probe");
            rows.next();

            assertThat(rows.getInt(1)).isEqualTo(1);
        }
    }
}
