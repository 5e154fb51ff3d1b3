package io.milestones.registration.registration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.milestones.registration.RegistrationServiceApplication;
import io.milestones.registration.testing.Api;
import io.milestones.registration.testing.TestKeys;
import io.milestones.testing.ChildJvm;
import io.milestones.testing.FixedPortKafka;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Every registration answered 201 is in the registry and in the outbox after the process is killed
 * (SIGKILL, no shutdown) right after its last answer, on the shipped default database: the H2 file
 * of {@code registration-service.yml}, resolved in a fresh working directory. Kafka is down
 * throughout, so every event still waits in the outbox when the kill strikes.
 */
class KilledAfterAcknowledgingIT {

    static final int REGISTRATIONS = 200;

    @TempDir Path workDir;
    Process service;

    @AfterEach
    void kill() {
        if (service != null) {
            service.destroyForcibly();
        }
    }

    @Test
    void shouldKeepEveryAcknowledgedRegistrationWhenKilledRightAfterTheLastAnswer()
            throws Exception {
        int port = FixedPortKafka.freePort();
        List<String> args = new ArrayList<>();
        args.add("--server.port=" + port);
        args.add("--spring.kafka.bootstrap-servers=localhost:" + FixedPortKafka.freePort());
        TestKeys.SETTINGS.forEach((name, value) -> args.add("--" + name + "=" + value));
        service =
                ChildJvm.start(
                        RegistrationServiceApplication.class,
                        workDir,
                        workDir.resolve("registration-service.log"),
                        args);
        Api api = new Api(port);
        await().atMost(Duration.ofSeconds(120))
                .pollInterval(Duration.ofMillis(250))
                .ignoreExceptionsInstanceOf(IllegalStateException.class)
                .until(
                        () -> {
                            assertThat(service.isAlive()).as("service running").isTrue();
                            // answers at all (Kafka is down, so it may well say DOWN)
                            return api.get("/actuator/health", null).statusCode() > 0;
                        });

        for (int i = 0; i < REGISTRATIONS; i++) {
            var response =
                    api.post(
                            "/api/registrations",
                            TestKeys.PLATFORM,
                            Api.registration("t-kill-" + i, "kill" + i + "@example.org", "PL"));
            assertThat(response.statusCode()).isEqualTo(201);
        }
        service.destroyForcibly().waitFor();

        String url = "jdbc:h2:file:" + workDir.resolve("data/registration-service/registry");
        try (Connection connection = DriverManager.getConnection(url, "sa", "")) {
            assertThat(
                            count(
                                    connection,
                                    "select count(*) from teacher where teacher_id like 't-kill-%'"))
                    .as("teachers in the registry")
                    .isEqualTo(REGISTRATIONS);
            // each registration waits with its contact record (teacher-contacts)
            assertThat(count(connection, "select count(*) from outbox_event"))
                    .as("events waiting in the outbox")
                    .isEqualTo(2 * REGISTRATIONS);
        }
    }

    private static int count(Connection connection, String sql) throws Exception {
        try (var result = connection.createStatement().executeQuery(sql)) {
            result.next();
            return result.getInt(1);
        }
    }
}
