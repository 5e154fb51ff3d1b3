package io.milestones.bench.b7;

import io.milestones.events.Consents;
import io.milestones.events.EventJson;
import io.milestones.events.EventType;
import io.milestones.events.TeacherRegistered;
import io.milestones.events.Topics;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.UUID;

/**
 * The teachers of B7, row {@code n} always the same: as an NDJSON line for the import endpoint and
 * as CSV lines of the registry's {@code teacher} and {@code outbox_event} tables for {@code COPY}.
 */
final class Rows {

    static final String TEACHER_COLUMNS =
            "teacher_id, email, email_key, display_name, country, language, milestone_emails,"
                    + " baseline, registered_at, event_id";
    static final String OUTBOX_COLUMNS =
            "event_id, topic, event_key, event_type, source, event_time, payload, created_at";

    private static final String[] COUNTRIES = {"IT", "PL", "TR", "ES", "FR", "DE", "RO", "GR"};
    private static final String REGISTERED_AT = "2020-01-01T00:00:00Z";

    private Rows() {}

    private static String country(long n) {
        return COUNTRIES[(int) (n % COUNTRIES.length)];
    }

    static String ndjson(long n) {
        return ("{\"teacherId\":\"b7-%d\",\"email\":\"b7-%d@example.org\",\"displayName\":"
                        + "\"Teacher %d\",\"country\":\"%s\",\"language\":\"en\","
                        + "\"registeredAt\":\"%s\"}\n")
                .formatted(n, n, n, country(n), REGISTERED_AT);
    }

    static String teacherCsv(long n) {
        return "b7-%d,b7-%d@example.org,b7-%d@example.org,Teacher %d,%s,en,f,t,%s,%s\n"
                .formatted(n, n, n, n, country(n), REGISTERED_AT, UUID.randomUUID());
    }

    static String outboxCsv(long n) {
        String id = "b7-" + n;
        String payload =
                new String(
                        EventJson.write(
                                new TeacherRegistered(
                                        id,
                                        country(n),
                                        "en",
                                        Instant.parse(REGISTERED_AT),
                                        new Consents(false, false),
                                        true)),
                        StandardCharsets.UTF_8);
        return "%s,%s,%s,%s,/registration-service,%s,\"%s\",%s\n"
                .formatted(
                        UUID.randomUUID(),
                        Topics.REGISTRATIONS,
                        id,
                        EventType.TEACHER_REGISTERED.ceType(),
                        REGISTERED_AT,
                        payload.replace("\"", "\"\""),
                        REGISTERED_AT);
    }
}
