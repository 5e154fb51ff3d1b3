package io.milestones.registration.migration;

import io.milestones.events.CloudEvent;
import io.milestones.events.EventSerde;
import io.milestones.events.EventType;
import io.milestones.events.RegistrationsV1Migration;
import io.milestones.events.TeacherErased;
import io.milestones.events.TeacherRegisteredV1;
import io.milestones.events.Topics;
import io.milestones.registration.migration.MigrationStatus.State;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.serialization.Deserializer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.kafka.core.KafkaAdmin;
import org.springframework.stereotype.Service;

/**
 * Copies the retired v1 {@code registrations} log to {@code registrations-v2} and {@code
 * teacher-contacts} by the rule of {@link RegistrationsV1Migration}, re-publishes the milestones
 * that named someone without the name, and on request retires the v1 topic. One migration per
 * instance at a time, in a background thread; its progress is {@link #status()}.
 *
 * <p>Two passes over the v1 log: the first finds every erased teacher (an erasure may follow the
 * registration by years), the second copies, so no contact of an erased teacher is written, even
 * for a moment. Teachers erased in the registry count as erased too. The copy is deterministic
 * (same ce_ids), so a second run after a crash writes nothing a consumer counts twice.
 */
@Service
class RegistrationsMigration implements DisposableBean {

    private static final Logger log = LoggerFactory.getLogger(RegistrationsMigration.class);

    private final TopicReader reader;
    private final CopyWriter writer;
    private final KafkaAdmin admin;
    private final JdbcTemplate jdbc;
    private final MigrationProperties properties;
    private final Clock clock;
    private final ExecutorService worker =
            Executors.newSingleThreadExecutor(
                    r -> {
                        Thread thread = new Thread(r, "registrations-migration");
                        thread.setDaemon(true);
                        return thread;
                    });
    private final Deserializer<Object> events =
            EventSerde.anyOf(TeacherRegisteredV1.class).deserializer();
    private volatile Progress progress = new Progress();

    RegistrationsMigration(
            TopicReader reader,
            CopyWriter writer,
            KafkaAdmin admin,
            JdbcTemplate jdbc,
            MigrationProperties properties,
            Clock clock) {
        this.reader = reader;
        this.writer = writer;
        this.admin = admin;
        this.jdbc = jdbc;
        this.properties = properties;
        this.clock = clock;
    }

    @Override
    public void destroy() {
        worker.shutdownNow();
    }

    MigrationStatus status() {
        return progress.snapshot();
    }

    /**
     * Starts the migration in the background.
     *
     * @return false when one is running or already done (nothing started)
     */
    synchronized boolean start() {
        State state = progress.state;
        if (state != State.NOT_STARTED && state != State.FAILED) {
            return false;
        }
        Progress started = new Progress();
        started.state = State.SCANNING;
        started.startedAt = clock.instant();
        progress = started;
        worker.execute(() -> run(started));
        return true;
    }

    /**
     * Deletes the v1 topic once the copy is done.
     *
     * @return false when no finished copy exists (nothing deleted)
     */
    synchronized boolean retire() throws Exception {
        if (progress.state != State.DONE) {
            return false;
        }
        try (var client =
                org.apache.kafka.clients.admin.Admin.create(admin.getConfigurationProperties())) {
            client.deleteTopics(List.of(Topics.REGISTRATIONS_V1)).all().get(30, TimeUnit.SECONDS);
        }
        progress.state = State.RETIRED;
        log.info("Retired topic {}", Topics.REGISTRATIONS_V1);
        return true;
    }

    private void run(Progress p) {
        try {
            // registrations-v2 and teacher-contacts, with their settings, before anything is
            // written
            admin.initialize();
            p.sourceRecords = reader.size(Topics.REGISTRATIONS_V1);
            Set<String> erased = erasedInRegistry();
            reader.read(
                    Topics.REGISTRATIONS_V1,
                    properties.pollTimeout(),
                    batch ->
                            batch.forEach(
                                    r -> {
                                        if (read(r) instanceof TeacherErased e) {
                                            erased.add(e.teacherId());
                                        }
                                        p.scanned.incrementAndGet();
                                    }));
            p.state = State.COPYING;
            reader.read(
                    Topics.REGISTRATIONS_V1,
                    properties.pollTimeout(),
                    batch -> {
                        List<RegistrationsV1Migration.Output> out = new ArrayList<>();
                        batch.forEach(r -> out.addAll(copy(r, erased, p)));
                        writer.write(out, properties.sendTimeout());
                        p.copied.addAndGet(batch.count());
                    });
            p.state = State.ANONYMISING_MILESTONES;
            p.milestonesRepublished.set(writer.anonymiseMilestones(reader, properties));
            p.state = State.DONE;
            log.info("Migration of {} done: {}", Topics.REGISTRATIONS_V1, p.snapshot());
        } catch (RuntimeException e) {
            p.error = e.getMessage();
            p.state = State.FAILED;
            log.warn("Migration of {} failed: {}", Topics.REGISTRATIONS_V1, e.toString());
        } finally {
            p.finishedAt = clock.instant();
        }
    }

    private List<RegistrationsV1Migration.Output> copy(
            ConsumerRecord<String, byte[]> record, Set<String> erased, Progress p) {
        Object event = read(record);
        if (event == null) {
            p.unreadable.incrementAndGet();
            return List.of();
        }
        CloudEvent header = headerOf(record, event);
        List<RegistrationsV1Migration.Output> out =
                RegistrationsV1Migration.split(header, event, erased::contains);
        for (var o : out) {
            if (o.topic().equals(Topics.TEACHER_CONTACTS)) {
                if (o.value() != null) {
                    p.contacts.incrementAndGet();
                }
            } else if (o.value() instanceof TeacherErased) {
                p.erasures.incrementAndGet();
            } else {
                p.registrations.incrementAndGet();
            }
        }
        if (event instanceof TeacherRegisteredV1 v1
                && erased.contains(v1.teacherId())
                && v1.contact().isPresent()) {
            p.contactsWithheld.incrementAndGet();
        }
        return out;
    }

    /** The event, or {@code null} for a record that is none (never its content in the log). */
    private Object read(ConsumerRecord<String, byte[]> record) {
        try {
            Object event = events.deserialize(record.topic(), record.headers(), record.value());
            if (event instanceof TeacherRegisteredV1
                    || event instanceof io.milestones.events.TeacherRegistered
                    || event instanceof TeacherErased) {
                return event;
            }
        } catch (RuntimeException e) {
            log.debug("Unreadable record {}: {}", TopicReader.describe(record), e.getClass());
        }
        return null;
    }

    private static CloudEvent headerOf(ConsumerRecord<String, byte[]> record, Object event) {
        try {
            return CloudEvent.readFrom(record.headers());
        } catch (IllegalArgumentException noHeaders) {
            // a plain v1-shaped record, as the platform may have written: stable made-up attributes
            return new CloudEvent(
                    RegistrationsV1Migration.idOf(
                            record.topic(), record.partition(), record.offset()),
                    "/registration-service/migration",
                    EventType.of(event),
                    java.time.Instant.ofEpochMilli(record.timestamp()));
        }
    }

    private Set<String> erasedInRegistry() {
        return new HashSet<>(
                jdbc.queryForList(
                        "SELECT teacher_id FROM teacher WHERE erased_at IS NOT NULL",
                        String.class));
    }
}
