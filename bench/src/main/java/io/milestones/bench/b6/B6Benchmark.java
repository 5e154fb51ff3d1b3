package io.milestones.bench.b6;

import static org.awaitility.Awaitility.await;

import io.milestones.bench.Bench;
import io.milestones.bench.Benchmark;
import io.milestones.bench.Report;
import io.milestones.bench.b5.MailSink;
import io.milestones.events.CloudEvent;
import io.milestones.events.CrossedBy;
import io.milestones.events.EventJson;
import io.milestones.events.EventType;
import io.milestones.events.MilestoneReached;
import io.milestones.events.Scope;
import io.milestones.events.Topics;
import io.milestones.testing.EmbeddedKraftBroker;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import javax.sql.DataSource;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.springframework.util.FileSystemUtils;

/**
 * B6: e-mail fan-out. {@code bench.subscribers} confirmed subscribers of the global scope (written
 * straight into notifier-service's tables), one MilestoneReached published: e-mails per second
 * until all of them are in GreenMail. Reference: a raw Jakarta Mail loop sending the same
 * multipart/alternative texts over one reused SMTP connection to the same GreenMail.
 */
public final class B6Benchmark implements Benchmark {

    @Override
    public String id() {
        return "B6";
    }

    @Override
    public String title() {
        return "Fan-out: one milestone to N subscribers → e-mails/s into GreenMail";
    }

    @Override
    public Report run() throws Exception {
        int subscribers = Bench.setting("subscribers", 100_000);
        int warmup = Bench.setting("warmup", 2_000);
        int mailRate = Bench.setting("mailRate", 0);
        Duration atMost = Duration.ofMinutes(Bench.setting("timeoutMinutes", 10));
        // the notifier's H2 file and its journal: 20 GB after a million, deleted when the run ends
        Path data = Files.createTempDirectory("b6-");
        try {
            return run(subscribers, warmup, mailRate, atMost, data);
        } finally {
            FileSystemUtils.deleteRecursively(data);
        }
    }

    private Report run(int subscribers, int warmup, int mailRate, Duration atMost, Path data)
            throws Exception {
        Bench.out.println("   starting broker, GreenMail and notifier-service...");
        try (var broker = EmbeddedKraftBroker.start();
                var mail = MailSink.start(false)) {
            // GreenMail would keep every message: empty its mailboxes as the run goes.
            mail.purgeEvery(Duration.ofSeconds(2));
            Run notifier;
            byte[] sample;
            var context =
                    Notifier.start(
                            broker.bootstrapServers(),
                            mail.port(),
                            data,
                            RawMailLoop.NO_DELAY
                                    ? Map.of("milestones.mail.rate-per-second", mailRate)
                                    : Map.of(
                                            "milestones.mail.rate-per-second",
                                            mailRate,
                                            // the JDK's plain sockets, as before decision 0311
                                            "spring.mail.properties.mail.smtp.socketFactory.class",
                                            "javax.net.SocketFactory"));
            try (var producer = producer(broker.bootstrapServers())) {
                DataSource database = context.getBean(DataSource.class);
                Bench.out.printf("   inserting %,d + %,d subscribers...%n", warmup, subscribers);
                Subscribers.insert(database, "w", "country:PL", warmup);
                Subscribers.insert(database, "s", "global", subscribers);
                Subscribers.crossingTeacher(database, "t-bench");
                await().atMost(Duration.ofMinutes(1)).until(() -> Notifier.assigned(context));

                Bench.out.printf("   warm-up: a country milestone to %,d subscribers%n", warmup);
                publish(producer, Scope.country("PL"), 100);
                awaitDeliveries(mail, warmup, atMost);

                Bench.out.printf(
                        "   measuring: a global milestone to %,d subscribers%n", subscribers);
                notifier =
                        measure(
                                mail,
                                subscribers,
                                atMost,
                                () -> publish(producer, Scope.GLOBAL, 100_000));
                sample = mail.sample();
            } finally {
                context.close();
            }
            // absent when -Dspring.datasource.url put the database elsewhere
            Path file = data.resolve("notifier.mv.db");
            long databaseBytes = Files.exists(file) ? Files.size(file) : -1;

            Bench.out.printf(
                    "   reference: raw Jakarta Mail, %,d e-mails over one connection%n",
                    subscribers);
            var raw = new RawMailLoop(mail.port(), sample);
            // Addresses GreenMail has not seen: it creates a mailbox per new recipient, as it did
            // for the notifier's.
            raw.send("rw", warmup);
            Run reference = measure(mail, subscribers, atMost, () -> raw.send("r", subscribers));
            return report(
                    subscribers,
                    warmup,
                    mailRate,
                    notifier,
                    reference,
                    sample.length,
                    raw.size(),
                    databaseBytes);
        }
    }

    /**
     * One measured fan-out: from the start to the first, the middle and the last e-mail delivered.
     */
    record Run(int mails, long firstNanos, long halfNanos, long lastNanos) {
        double perSecond() {
            return mails / (lastNanos / 1e9);
        }

        double sendingPerSecond() {
            return mails / ((lastNanos - firstNanos) / 1e9);
        }

        /** The rate of the second half of the e-mails: the JIT compiler has mostly settled. */
        double secondHalfPerSecond() {
            return (mails - mails / 2) / ((lastNanos - halfNanos) / 1e9);
        }
    }

    private interface Start {
        void run() throws Exception;
    }

    private static Run measure(MailSink mail, int count, Duration atMost, Start start)
            throws Exception {
        long before = mail.delivered();
        mail.mark();
        mail.watch(before + count / 2);
        long t0 = System.nanoTime();
        start.run();
        awaitDeliveries(mail, before + count, atMost);
        return new Run(
                count,
                mail.firstArrivalNanos() - t0,
                mail.watchedNanos() - t0,
                mail.lastArrivalNanos() - t0);
    }

    private static void awaitDeliveries(MailSink mail, long total, Duration atMost) {
        await().atMost(atMost)
                .pollInterval(Duration.ofMillis(20))
                .until(() -> mail.delivered() >= total);
    }

    private static KafkaProducer<String, byte[]> producer(String bootstrapServers) {
        return new KafkaProducer<>(
                Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers),
                new StringSerializer(),
                new ByteArraySerializer());
    }

    /** A MilestoneReached as milestone-service writes it (CloudEvents headers, JSON value). */
    private static void publish(KafkaProducer<String, byte[]> producer, Scope scope, long threshold)
            throws Exception {
        Instant now = Instant.now();
        var milestone =
                new MilestoneReached(
                        scope.milestoneId(threshold),
                        scope,
                        threshold,
                        threshold,
                        now,
                        now,
                        new CrossedBy("t-bench", "PL", null));
        var record =
                new ProducerRecord<>(
                        Topics.MILESTONES, milestone.milestoneId(), EventJson.write(milestone));
        CloudEvent.create("/bench", EventType.MILESTONE_REACHED, now).writeTo(record.headers());
        producer.send(record).get();
    }

    private Report report(
            int subscribers,
            int warmup,
            int mailRate,
            Run notifier,
            Run reference,
            int notifierBytes,
            int referenceBytes,
            long databaseBytes) {
        return new Report(this)
                .setup(
                        String.format(
                                java.util.Locale.ROOT,
                                "%,d confirmed subscribers of the global scope inserted into"
                                        + " notifier-service's H2 file database, one"
                                        + " MilestoneReached published; after a warm-up milestone"
                                        + " to %,d other subscribers (the reference warms up with"
                                        + " as many e-mails)",
                                subscribers,
                                warmup))
                .setup(
                        "milestones.mail.rate-per-second="
                                + mailRate
                                + (mailRate == 0
                                        ? " (no limit; the default 50/s would"
                                        : " (the default 50/s would")
                                + " cap the fan-out at 50 e-mails/s); otherwise the defaults:"
                                + " 3 sender threads on 6 partitions of notification-requests,"
                                + " subscribers read in chunks of 1,000, one Kafka transaction per"
                                + " fan-out")
                .setup(
                        "GreenMail SMTP in-process, every mailbox purged each 2 s (deliveries"
                                + " counted by a hook on GreenMail's delivery step); e-mails of "
                                + notifierBytes
                                + " bytes (notifier, as stored) and "
                                + referenceBytes
                                + " bytes (reference); SMTP connections: TCP_NODELAY"
                                + " on both sides"
                                + (RawMailLoop.NO_DELAY
                                        ? " (decision 0311)"
                                        : " off (-Dbench.noDelay=0: the JDK's sockets)"))
                .columns(
                        "variant",
                        "e-mails",
                        "first e-mail s",
                        "all e-mails s",
                        "e-mails/s",
                        "vs raw JavaMail")
                .row(
                        "notifier-service: milestone published → last e-mail",
                        Report.number(notifier.mails()),
                        Report.decimal(notifier.firstNanos() / 1e9),
                        Report.decimal(notifier.lastNanos() / 1e9),
                        Report.number(notifier.perSecond()),
                        Report.ratio(notifier.perSecond(), reference.perSecond()))
                .row(
                        "notifier-service: sending only (first → last e-mail)",
                        Report.number(notifier.mails()),
                        "",
                        Report.decimal((notifier.lastNanos() - notifier.firstNanos()) / 1e9),
                        Report.number(notifier.sendingPerSecond()),
                        Report.ratio(notifier.sendingPerSecond(), reference.perSecond()))
                .row(
                        "raw Jakarta Mail loop, one reused connection",
                        Report.number(reference.mails()),
                        Report.decimal(reference.firstNanos() / 1e9),
                        Report.decimal(reference.lastNanos() / 1e9),
                        Report.number(reference.perSecond()),
                        "1.00×")
                .row(
                        "notifier-service: second half of the e-mails",
                        Report.number(notifier.mails() - notifier.mails() / 2),
                        "",
                        Report.decimal((notifier.lastNanos() - notifier.halfNanos()) / 1e9),
                        Report.number(notifier.secondHalfPerSecond()),
                        Report.ratio(
                                notifier.secondHalfPerSecond(), reference.secondHalfPerSecond()))
                .row(
                        "raw Jakarta Mail loop: second half of the e-mails",
                        Report.number(reference.mails() - reference.mails() / 2),
                        "",
                        Report.decimal((reference.lastNanos() - reference.halfNanos()) / 1e9),
                        Report.number(reference.secondHalfPerSecond()),
                        "1.00×")
                .note(
                        "The notifier delivers at "
                                + Report.ratio(notifier.perSecond(), reference.perSecond())
                                + " the rate of the raw loop (its sending phase alone at "
                                + Report.ratio(notifier.sendingPerSecond(), reference.perSecond())
                                + "); the fan-out itself (reading subscribers in chunks, one"
                                + " notification-requests record each, one transaction) only"
                                + " delays the first e-mail, since read_committed senders see no"
                                + " request before the transaction commits. Second halves"
                                + " (the JIT compiler has mostly settled; a fan-out to a million"
                                + " subscribers runs warm for most of its length): "
                                + Report.ratio(
                                        notifier.secondHalfPerSecond(),
                                        reference.secondHalfPerSecond())
                                + ".")
                .note(
                        databaseBytes < 0
                                ? "The notifier's database was not in the run's directory."
                                : String.format(
                                        java.util.Locale.ROOT,
                                        "The notifier's H2 file after the fan-out: %,d MB (one"
                                                + " chunk written per commit, kept 45 s before"
                                                + " its space is reused).",
                                        databaseBytes >> 20))
                .note(BOTTLENECK);
    }

    /** What the JFR profile of the sender threads showed (issue 18, 2026-12-06 and -07). */
    static final String BOTTLENECK =
            "Bottleneck (JFR, 50,000 subscribers, samples of the notifier-senders threads,"
                    + " 2026-12-07, after decision 0314): writing each e-mail to the SMTP socket"
                    + " 26 %, the fold of a poll's SENT marks (one transaction, up to 100 updates)"
                    + " 16 %, the poll's preparation (addresses, suppressions, claims) 15 %,"
                    + " composing 7 %, appending the SENT mark to the journal 1 %. Of all samples"
                    + " GreenMail's threads took 48 % and the senders 34 %: on 2 cores the"
                    + " in-process server shares the CPU with both sides. Before 0314 the SENT mark"
                    + " was an H2 commit of its own, 34 % of the senders' samples: H2 writes a chunk"
                    + " per commit however little changed. Before 0313 the SENT update of the"
                    + " deliveries row was the commit; at a million rows H2 then searched its"
                    + " fragmented file first-fit for each commit's chunk, a third of the samples"
                    + " late in a standalone experiment. Before 0312 (5,000 subscribers): the claim"
                    + " and the SENT commit ~34 %, Thymeleaf ~26 % (since then once per milestone"
                    + " and language), MIME ~20 %. The fan-out read the whole audience for every"
                    + " chunk of 1,000 until the audience was read in the scope index's order."
                    + " Before TCP_NODELAY (decision 0311) every e-mail over a pooled connection"
                    + " also waited ~40 ms for Nagle's algorithm and the server's delayed ACK, which"
                    + " no CPU profile shows. Earlier (issue 9): a MIME file-type map built per"
                    + " e-mail, 40 % of the samples.";
}
