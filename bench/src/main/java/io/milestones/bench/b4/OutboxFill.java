package io.milestones.bench.b4;

import io.milestones.bench.b3.Database;
import io.milestones.bench.b3.RegistrationApp;
import io.milestones.registration.registration.BulkRegistrations;
import io.milestones.registration.registration.BulkRegistrations.ImportedTeacher;
import io.milestones.registration.registration.RegistrationService.NewTeacher;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * Fills the outbox of a fresh registry through the service's own code path ({@link
 * BulkRegistrations}: registry rows and their TeacherRegistered events, one transaction per batch),
 * with the relay switched off so that every event stays pending.
 */
final class OutboxFill {

    private static final String[] COUNTRIES = {"IT", "PL", "TR", "ES", "FR", "DE", "RO", "GR"};

    private OutboxFill() {}

    static void fill(String bootstrapServers, Database db, int events) {
        try (ConfigurableApplicationContext app =
                RegistrationApp.start(
                        bootstrapServers, db, Map.of("milestones.outbox.enabled", false))) {
            BulkRegistrations registrations = app.getBean(BulkRegistrations.class);
            Instant at = Instant.parse("2021-01-01T00:00:00Z");
            List<ImportedTeacher> batch = new ArrayList<>(1000);
            for (int n = 1; n <= events; n++) {
                batch.add(
                        new ImportedTeacher(
                                new NewTeacher(
                                        "b4-" + n,
                                        "b4-" + n + "@example.org",
                                        "Teacher " + n,
                                        COUNTRIES[n % COUNTRIES.length],
                                        "en",
                                        n % 3 == 0,
                                        false),
                                at));
                if (batch.size() == 1000 || n == events) {
                    registrations.register(batch, true);
                    batch.clear();
                }
            }
        }
    }
}
