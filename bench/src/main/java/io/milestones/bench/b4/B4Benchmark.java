package io.milestones.bench.b4;

import static org.awaitility.Awaitility.await;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.milestones.bench.Bench;
import io.milestones.bench.Benchmark;
import io.milestones.bench.Report;
import io.milestones.bench.b3.Database;
import io.milestones.bench.b3.RegistrationApp;
import io.milestones.testing.EmbeddedKraftBroker;
import io.milestones.testing.KafkaTestClients;
import java.sql.Connection;
import java.sql.ResultSet;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * B4: the outbox relay. The outbox of a fresh registry is filled with N pending TeacherRegistered
 * events (through the service's bulk registration, relay off); then the service starts with its
 * relay and the time until every event is acknowledged and deleted gives events/s. The reference
 * sends the same records (key, JSON, CloudEvents headers) with a plain idempotent producer, {@code
 * acks=all}, same producer settings, to another topic of the same embedded broker.
 */
public final class B4Benchmark implements Benchmark {

    /** What a JFR profile of this benchmark (both databases) showed. */
    static final String BOTTLENECK =
            "Bottleneck (JFR profile of the outbox-relay thread, both databases): one thread"
                    + " works in stop-and-wait rounds (read 500 rows, send, wait for every"
                    + " acknowledgement, delete, commit), so database and broker round trips never"
                    + " overlap, where the raw producer keeps sending. Of the thread's CPU samples"
                    + " ~56 % are inside TraceParents.continuing, i.e. per-event tracing around"
                    + " KafkaTemplate.send: ~19 % resolving the Tracer and Propagator through"
                    + " ObjectProvider.getIfAvailable() (DefaultListableBeanFactory dependency"
                    + " resolution) for every event, ~28 % Micrometer/Brave spans and the"
                    + " KafkaTemplate send observation; KafkaProducer.doSend itself is ~7 %, the"
                    + " outbox SELECT and batched DELETE ~27 % (mostly H2 MVStore). Since then"
                    + " TraceParents resolves the Tracer and Propagator once; what remains is the"
                    + " stop-and-wait rounds and the span per event.";

    private static final String RAW_TOPIC = "bench-b4-raw";

    private final int events = Bench.setting("records", 200_000);
    private final List<String> databases =
            List.of(System.getProperty("bench.db", "postgres,h2").split(","));

    @Override
    public String id() {
        return "B4";
    }

    @Override
    public String title() {
        return "outbox relay, events/s from table to topic, against a raw idempotent producer"
                + " (acks=all)";
    }

    @Override
    public Report run() throws Exception {
        Report report =
                new Report(this)
                        .columns("variant", "events", "seconds", "events/s", "vs raw producer")
                        .setup(
                                Report.number(events)
                                        + " pending TeacherRegistered events (one per teacher,"
                                        + " written by the service's BulkRegistrations with the"
                                        + " relay off), 6 partitions, one embedded KRaft broker in"
                                        + " the same JVM")
                        .setup(
                                "relay as configured: batch-size 500, idempotent producer, acks=all,"
                                        + " linger.ms 5, max.in.flight 5; timed from the started"
                                        + " application until its published counter reaches N"
                                        + " (events published during start-up are not counted)")
                        .setup(
                                "raw producer: the same keys, payloads and ce_* headers, read"
                                        + " into memory first, sent asynchronously by one"
                                        + " KafkaProducer with the same settings, timed to the"
                                        + " last acknowledgement (flush)");
        try (EmbeddedKraftBroker broker = EmbeddedKraftBroker.start();
                Topics topics = new Topics(broker.bootstrapServers())) {
            String bootstrap = broker.bootstrapServers();
            topics.create(6, io.milestones.events.Topics.REGISTRATIONS, RAW_TOPIC);
            double raw = 0;
            for (String kind : databases) {
                try (Database db = Database.of(kind.strip(), "b4")) {
                    long fillStart = System.nanoTime();
                    OutboxFill.fill(bootstrap, db, events);
                    Bench.out.printf(
                            "%s: outbox filled with %,d events in %.1f s%n",
                            db.name(), events, (System.nanoTime() - fillStart) / 1e9);
                    if (raw == 0) {
                        List<ProducerRecord<String, byte[]>> records =
                                RawProducer.read(db, RAW_TOPIC);
                        double seconds = RawProducer.send(bootstrap, records);
                        raw = records.size() / seconds;
                        Bench.out.printf(
                                "raw producer: %,d records in %.1f s, %,.0f records/s%n",
                                records.size(), seconds, raw);
                        report.row(
                                "raw KafkaProducer (reference)",
                                Report.number(records.size()),
                                Report.decimal(seconds),
                                Report.number(raw),
                                "1.00×");
                    }
                    long before =
                            KafkaTestClients.endOffset(
                                    bootstrap, io.milestones.events.Topics.REGISTRATIONS);
                    Relayed relayed = relay(bootstrap, db);
                    long written =
                            KafkaTestClients.endOffset(
                                            bootstrap, io.milestones.events.Topics.REGISTRATIONS)
                                    - before;
                    Bench.out.printf(
                            "%s relay: %,d events in %.1f s, %,.0f events/s; %,d records on the"
                                    + " topic, %,d left in the outbox%n",
                            db.name(),
                            relayed.events,
                            relayed.seconds,
                            relayed.perSecond(),
                            written,
                            relayed.left);
                    report.row(
                            "outbox relay, " + db.name(),
                            Report.number(relayed.events),
                            Report.decimal(relayed.seconds),
                            Report.number(relayed.perSecond()),
                            Report.ratio(relayed.perSecond(), raw));
                    report.note(
                            "On "
                                    + db.name()
                                    + " the relay publishes "
                                    + Report.number(relayed.perSecond())
                                    + " events/s, "
                                    + Report.ratio(relayed.perSecond(), raw)
                                    + " of the raw idempotent producer ("
                                    + Report.number(raw)
                                    + " records/s).");
                }
            }
        }
        return report.note(BOTTLENECK);
    }

    private record Relayed(long events, double seconds, long left) {
        double perSecond() {
            return events / seconds;
        }
    }

    private static long pending(Database db) throws Exception {
        try (Connection c = db.connect();
                ResultSet rs =
                        c.createStatement().executeQuery("SELECT COUNT(*) FROM outbox_event")) {
            rs.next();
            return rs.getLong(1);
        }
    }

    private Relayed relay(String bootstrap, Database db) throws Exception {
        try (ConfigurableApplicationContext app = RegistrationApp.start(bootstrap, db, Map.of())) {
            Counter published =
                    app.getBean(MeterRegistry.class).counter("milestones.outbox.published");
            long start = System.nanoTime();
            double already = published.count();
            await().atMost(Duration.ofMinutes(10))
                    .pollInterval(Duration.ofMillis(50))
                    .until(() -> published.count() >= events);
            double seconds = (System.nanoTime() - start) / 1e9;
            // the counter moves just before each round commits its deletes
            await().atMost(Duration.ofSeconds(30))
                    .pollInterval(Duration.ofMillis(100))
                    .until(() -> pending(db) == 0);
            long left = pending(db);
            return new Relayed(events - (long) already, seconds, left);
        }
    }
}
