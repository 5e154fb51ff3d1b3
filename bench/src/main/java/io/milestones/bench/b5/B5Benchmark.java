package io.milestones.bench.b5;

import static org.awaitility.Awaitility.await;

import io.milestones.bench.Bench;
import io.milestones.bench.Benchmark;
import io.milestones.bench.Latencies;
import io.milestones.bench.Report;
import io.milestones.localstack.Services;
import io.milestones.testing.EmbeddedKraftBroker;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.stream.LongStream;

/**
 * B5: end-to-end latency of the whole system in one JVM, as the local stack runs it (embedded
 * broker, GreenMail, the three services). Teachers register over HTTP at a steady rate; a global
 * milestone every {@code bench.every} registrations. For each milestone: t0 = the 201 of the
 * registration that crossed it, t1 = the MilestoneReached visible to a read_committed consumer of
 * {@code milestones}, t2 = the team's congratulation e-mail stored by the SMTP sink. No reference:
 * the stages and the intervals that bound them are named instead.
 */
public final class B5Benchmark implements Benchmark {

    static final String TEAM = "team@example.org";
    static final String MESSAGE_ID_DOMAIN = "bench.example";
    static final String PLATFORM_KEY = "dev-platform-key";

    @Override
    public String id() {
        return "B5";
    }

    @Override
    public String title() {
        return "End-to-end latency: accepted registration → MilestoneReached → e-mail in the SMTP sink";
    }

    @Override
    public Report run() throws Exception {
        // 200 milestones in the default run, enough for a p99 that is not just the max, one a
        // second: each is celebrated (cards drawn, e-mail, posts) before the next is crossed, as
        // in real life, instead of piling the celebrations of several onto the two cores
        int every = Bench.setting("every", 25);
        int registrations = Bench.setting("registrations", 5_000);
        int rate = Bench.setting("rate", 25);
        int warmup = warmup(every, rate, Bench.setting("warmup-seconds", 60));
        Path data = Files.createTempDirectory("b5-");
        Bench.out.println("   starting broker, SMTP sink and the three services...");
        try (var broker = EmbeddedKraftBroker.start();
                var mail = MailSink.start(true);
                var services = start(broker.bootstrapServers(), mail.port(), data, every);
                var watcher = new TopicWatcher(broker.bootstrapServers(), 6)) {
            var registrar = new Registrar(services.registrationPort(), PLATFORM_KEY);

            Bench.out.printf("   warm-up: %d registrations at %d/s%n", warmup, rate);
            registrar.register(1, warmup, rate);
            awaitMail(mail, "global:" + warmup, Duration.ofMinutes(2));

            Bench.out.printf(
                    "   measuring: %d registrations at %d/s, a milestone every %d%n",
                    registrations, rate, every);
            registrar.register(warmup + 1, registrations, rate);
            List<String> expected = milestones(warmup, warmup + registrations, every);
            awaitMail(mail, expected.get(expected.size() - 1), Duration.ofMinutes(2));

            var measured = new Stages(watcher, registrar, mail);
            expected.forEach(measured::record);
            var cold = new Stages(watcher, registrar, mail);
            milestones(0, warmup, every).forEach(cold::record);
            measured.printSlowest();
            return report(every, registrations, rate, warmup, measured, cold, registrar.failed());
        }
    }

    /** The global milestones crossed by registrations {@code after + 1} to {@code upTo}. */
    private static List<String> milestones(int after, int upTo, int every) {
        return LongStream.rangeClosed(1, (upTo - after) / every)
                .mapToObj(i -> "global:" + (after + i * every))
                .toList();
    }

    /** The stages of a set of milestones, each from the moments the run observed for it. */
    private static final class Stages {
        final Latencies toTopic = new Latencies();
        final Latencies relay = new Latencies();
        final Latencies counting = new Latencies();
        final Latencies toCounted = new Latencies();
        final Latencies toVisible = new Latencies();
        final Latencies toMail = new Latencies();
        final Latencies endToEnd = new Latencies();
        final List<Slow> each = new java.util.ArrayList<>();
        int missing;

        private final TopicWatcher watcher;
        private final Registrar registrar;
        private final MailSink mail;
        // detectedAt is milestone-service's wall clock; map it onto System.nanoTime().
        private final long epochToNano;

        Stages(TopicWatcher watcher, Registrar registrar, MailSink mail) {
            this.watcher = watcher;
            this.registrar = registrar;
            this.mail = mail;
            Instant wall = Instant.now();
            long nanos = System.nanoTime();
            this.epochToNano = wall.getEpochSecond() * 1_000_000_000L + wall.getNano() - nanos;
        }

        void record(String milestoneId) {
            var seen = watcher.seen(milestoneId);
            Long sent = mail.arrival(messageId(milestoneId));
            Long t0 =
                    seen.map(s -> registrar.createdAt(s.milestone().crossedBy().teacherId()))
                            .orElse(null);
            Long onTopic =
                    seen.map(s -> watcher.registered(s.milestone().crossedBy().teacherId()))
                            .orElse(null);
            if (seen.isEmpty() || sent == null || t0 == null || onTopic == null) {
                missing++;
                return;
            }
            long t1 = seen.get().atNanos();
            toTopic.record(t0, t1);
            relay.record(t0, onTopic);
            counting.record(onTopic, t1);
            Instant detectedAt = seen.get().milestone().detectedAt();
            long detected =
                    detectedAt.getEpochSecond() * 1_000_000_000L
                            + detectedAt.getNano()
                            - epochToNano;
            toCounted.record(onTopic, detected);
            toVisible.record(detected, t1);
            toMail.record(t1, sent);
            endToEnd.record(t0, sent);
            each.add(
                    new Slow(
                            milestoneId,
                            Instant.ofEpochSecond(0, t0 + epochToNano),
                            onTopic - t0,
                            detected - onTopic,
                            t1 - detected,
                            sent - t1));
        }

        /**
         * On the console: each quarter's figures, then the five slowest milestones to the topic
         * with the wall-clock time of their 201, so that a profile of the run (JFR) can be read at
         * those moments.
         */
        void printSlowest() {
            for (int part = 0; part < 4; part++) {
                List<Slow> quarter =
                        each.subList(part * each.size() / 4, (part + 1) * each.size() / 4);
                if (quarter.isEmpty()) {
                    continue;
                }
                long[] sorted = quarter.stream().mapToLong(Slow::toTopic).sorted().toArray();
                Bench.out.printf(
                        java.util.Locale.ROOT,
                        "   quarter %d, to the topic: p50 %d ms, p95 %d ms, max %d ms%n",
                        part + 1,
                        sorted[sorted.length / 2] / 1_000_000,
                        sorted[(int) Math.ceil(sorted.length * 0.95) - 1] / 1_000_000,
                        sorted[sorted.length - 1] / 1_000_000);
            }
            Bench.out.println(
                    "   slowest to the topic (201 at, relay / counted / visible / mailed ms):");
            each.stream()
                    .sorted(java.util.Comparator.comparingLong(Slow::toTopic).reversed())
                    .limit(5)
                    .forEach(
                            s ->
                                    Bench.out.printf(
                                            java.util.Locale.ROOT,
                                            "     %s at %s: %d / %d / %d / %d%n",
                                            s.milestoneId(),
                                            s.crossedAt(),
                                            s.relay() / 1_000_000,
                                            s.counted() / 1_000_000,
                                            s.visible() / 1_000_000,
                                            s.mailed() / 1_000_000));
        }
    }

    private static Services start(String bootstrap, int smtpPort, Path data, int every)
            throws Exception {
        Map<String, Object> registration = new java.util.HashMap<>(devKeys());
        registration.put(
                "spring.datasource.url",
                "jdbc:h2:file:" + data.resolve("registration/registry") + ";WRITE_DELAY=0");
        return Services.start(
                Map.of(
                        "server.port",
                        0,
                        "spring.kafka.bootstrap-servers",
                        bootstrap,
                        "spring.mail.host",
                        "localhost",
                        "spring.mail.port",
                        smtpPort,
                        "logging.include-application-name",
                        false),
                registration,
                Map.of(
                        "spring.kafka.streams.state-dir",
                        Files.createDirectories(data.resolve("kafka-streams")).toString(),
                        "milestones.rules.global.thresholds",
                        String.valueOf(every),
                        "milestones.rules.global.every",
                        every,
                        // Country milestones would add e-mails of their own: out of reach here.
                        "milestones.rules.country.thresholds",
                        "1000000000"),
                Map.of(
                        "spring.datasource.url",
                        "jdbc:h2:file:"
                                + data.resolve("notifier")
                                + ";AUTO_SERVER=TRUE;WRITE_DELAY=0",
                        "milestones.subscriptions.token-secret",
                        "bench-only-token-secret-0123456789abcdef",
                        "milestones.mail.recipients",
                        TEAM,
                        "milestones.mail.message-id-domain",
                        MESSAGE_ID_DOMAIN,
                        "milestones.mail.rate-per-second",
                        200));
    }

    /** The local stack's development API keys (the service keeps only their SHA-256). */
    private static Map<String, Object> devKeys() {
        return Map.of(
                "milestones.security.api-keys[0].client", "dev-platform",
                "milestones.security.api-keys[0].sha256",
                        "9831e20a4d38b6fdfa34285772c4b88de26d51134c15107cb941d53b70859e63",
                "milestones.security.api-keys[0].roles", "PLATFORM");
    }

    private static void awaitMail(MailSink mail, String milestoneId, Duration atMost) {
        String id = messageId(milestoneId);
        await().atMost(atMost)
                .pollInterval(Duration.ofMillis(50))
                .until(() -> mail.arrival(id) != null);
    }

    /** The notifier's deterministic Message-ID of {@code milestoneId} to the team address. */
    static String messageId(String milestoneId) {
        try {
            byte[] digest =
                    MessageDigest.getInstance("SHA-256")
                            .digest(TEAM.getBytes(StandardCharsets.UTF_8));
            return "<"
                    + milestoneId.replace(':', '.')
                    + "."
                    + HexFormat.of().formatHex(digest, 0, 12)
                    + "@"
                    + MESSAGE_ID_DOMAIN
                    + ">";
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private Report report(
            int every,
            int registrations,
            int rate,
            int warmup,
            Stages measured,
            Stages cold,
            int failed) {
        var report =
                new Report(this)
                        .setup(
                                registrations
                                        + " registrations over HTTP at "
                                        + rate
                                        + "/s, one at a time, after a warm-up of "
                                        + warmup
                                        + " ("
                                        + warmup / rate
                                        + " s: on 2 cores the JIT compiler is still busy the first"
                                        + " minute after start); a global milestone every "
                                        + every
                                        + " registrations ("
                                        + measured.toTopic.count()
                                        + " measured); one team address gets each"
                                        + " congratulation e-mail")
                        .setup(
                                "All in one JVM as the local stack runs it: embedded KRaft broker"
                                        + " (6 partitions), GreenMail SMTP, registration-service"
                                        + " (H2 file, outbox), milestone-service (exactly_once_v2,"
                                        + " every scope summed per task), notifier-service (H2 file);"
                                        + " services' default settings otherwise")
                        .setup(
                                "t0 = 201 of the crossing registration; t1 = MilestoneReached"
                                        + " returned by a read_committed consumer of milestones;"
                                        + " t2 = the e-mail stored by GreenMail")
                        .columns("stage", "p50 ms", "p95 ms", "p99 ms", "max ms", "milestones")
                        .row(
                                row(
                                        "registration 201 → MilestoneReached on the topic (t1−t0)",
                                        measured.toTopic))
                        .row(
                                row(
                                        "… of which 201 → TeacherRegistered on registrations (outbox relay)",
                                        measured.relay))
                        .row(
                                row(
                                        "… of which registrations → milestones (milestone-service)",
                                        measured.counting))
                        .row(
                                row(
                                        "   … registrations → threshold crossed (detectedAt)",
                                        measured.toCounted))
                        .row(
                                row(
                                        "   … crossed → visible on milestones (transaction commit)",
                                        measured.toVisible))
                        .row(row("topic → e-mail in the SMTP sink (t2−t1)", measured.toMail))
                        .row(row("end to end (t2−t0)", measured.endToEnd))
                        .row(row("during the warm-up (from start): 201 → topic", cold.toTopic))
                        .row(row("during the warm-up (from start): end to end", cold.endToEnd))
                        .note(
                                "No reference: the stages are split instead. milestone-service"
                                        + " takes "
                                        + percent(measured.counting.p50(), measured.endToEnd.p50())
                                        + " of the end-to-end p50, the outbox relay "
                                        + percent(measured.relay.p50(), measured.endToEnd.p50())
                                        + ", the notifier "
                                        + percent(measured.toMail.p50(), measured.endToEnd.p50())
                                        + ". The last two rows are the warm-up's milestones, the"
                                        + " first of them crossed seconds after the services"
                                        + " started: what a freshly started stack gives.")
                        .note(INTERVALS);
        int missing = measured.missing + cold.missing;
        if (missing > 0 || failed > 0) {
            report.note(
                    missing
                            + " milestone(s) not fully observed, "
                            + failed
                            + " registration(s) failed.");
        }
        return report;
    }

    /**
     * Registrations before measuring, a whole number of milestones and at least two: {@code
     * seconds} of the run's rate (JIT, pools, leaders).
     */
    static int warmup(int every, int rate, int seconds) {
        return every * Math.max(2, rate * seconds / every);
    }

    /** One milestone's stages in nanoseconds, for the console's list of the slowest. */
    record Slow(
            String milestoneId,
            Instant crossedAt,
            long relay,
            long counted,
            long visible,
            long mailed) {
        long toTopic() {
            return relay + counted + visible;
        }
    }

    private static String percent(double part, double whole) {
        return String.format(java.util.Locale.ROOT, "%.0f %%", 100 * part / whole);
    }

    /** The settings (from the services' yml) that bound each stage. */
    static final String INTERVALS =
            "What bounds each stage (services' yml): registration-service commits the teacher and"
                    + " its outbox row, and the commit wakes the relay at once (its 500 ms"
                    + " `milestones.outbox.poll-interval` is only the fallback; producer"
                    + " `linger.ms` 5, `acks=all`). milestone-service: with `exactly_once_v2` a"
                    + " record becomes visible to the next read_committed reader only when its"
                    + " transaction commits (`commit.interval.ms` 30), and a count takes two such"
                    + " hops in sequence — each input task sums its registrations and forwards the"
                    + " partial sums every `milestones.counting.flush-interval` (30 ms, wall clock)"
                    + " through the repartition topic `by-scope`, then the counting task crosses"
                    + " the threshold and commits the MilestoneReached. The stream thread commits"
                    + " and punctuates only between polls, and a poll that finds nothing blocks"
                    + " `poll.ms` (10; Kafka Streams' default of 100 added up to 100 ms to each hop"
                    + " at a trickle of registrations; decision 0206). notifier-service: one"
                    + " transactional fan-out (milestone read_committed, request produced and"
                    + " committed), then a sender reads `notification-requests` read_committed and"
                    + " sends over a pooled SMTP connection with TCP_NODELAY (decision 0311;"
                    + " `milestones.mail.rate-per-second` 200 as in the local stack, never reached"
                    + " here; retries only on failure). Before/after of the milestone-service"
                    + " settings: `-Dspring.kafka.streams.properties.commit.interval.ms=100"
                    + " -Dspring.kafka.streams.properties.poll.ms=100"
                    + " -Dmilestones.counting.flush-interval=100ms` gives the old defaults.";

    private static String[] row(String stage, Latencies latencies) {
        return new String[] {
            stage,
            Report.decimal(latencies.p50()),
            Report.decimal(latencies.p95()),
            Report.decimal(latencies.p99()),
            Report.decimal(latencies.maxMillis()),
            Report.number(latencies.count())
        };
    }
}
