package io.milestones.bench.b9;

import static org.awaitility.Awaitility.await;

import io.milestones.bench.Bench;
import io.milestones.bench.Benchmark;
import io.milestones.bench.Report;
import io.milestones.bench.b6.Notifier;
import io.milestones.bench.b6.Subscribers;
import io.milestones.events.CloudEvent;
import io.milestones.events.CrossedBy;
import io.milestones.events.EventJson;
import io.milestones.events.EventType;
import io.milestones.events.MilestoneReached;
import io.milestones.events.Scope;
import io.milestones.events.Topics;
import io.milestones.testing.EmbeddedKraftBroker;
import io.milestones.testing.RejectingSmtpServer;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Locale;
import java.util.Map;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * B9: deliverability across two milestones. {@code bench.subscribers} confirmed subscribers, of
 * whom every tenth is dead (the SMTP server answers 550 at {@code RCPT TO}) and every hundredth
 * complains after the first milestone (a Postmark SpamComplaint webhook). Second milestone: how
 * many {@code RCPT TO} named a dead address or a complainer (goal 0), the bounce rate the server
 * saw (goal under 0.5 %), and e-mails per second of both milestones beside B6.
 */
public final class B9Benchmark implements Benchmark {

    private static final String WEBHOOK_PASSWORD = "bench-postmark-password";

    @Override
    public String id() {
        return "B9";
    }

    @Override
    public String title() {
        return "Deliverability: 10 % dead addresses and 1 % complainers over two milestones";
    }

    @Override
    public Report run() throws Exception {
        int subscribers = Bench.setting("subscribers", 100_000);
        Duration atMost = Duration.ofMinutes(Bench.setting("timeoutMinutes", 15));
        var data = Files.createTempDirectory("b9-");
        Bench.out.println("   starting broker, rejecting SMTP server and notifier-service...");
        try (var broker = EmbeddedKraftBroker.start();
                var smtp = new RejectingSmtpServer(a -> dead(a) ? 550 : 250).discardingMessages()) {
            ConfigurableApplicationContext context =
                    Notifier.start(
                            broker.bootstrapServers(),
                            smtp.port(),
                            data,
                            Map.of(
                                    "milestones.mail.rate-per-second",
                                    0,
                                    "milestones.webhooks.postmark.enabled",
                                    true,
                                    "milestones.webhooks.postmark.username",
                                    "postmark",
                                    "milestones.webhooks.postmark.password",
                                    WEBHOOK_PASSWORD));
            try (var producer = producer(broker.bootstrapServers())) {
                var jdbc = context.getBean(JdbcTemplate.class);
                Bench.out.printf("   inserting %,d subscribers...%n", subscribers);
                Subscribers.insert(jdbc.getDataSource(), "s", "global", subscribers);
                Subscribers.crossingTeacher(jdbc.getDataSource(), "t-bench");
                await().atMost(Duration.ofMinutes(1)).until(() -> Notifier.assigned(context));

                Bench.out.println("   milestone 1 (global:100000)");
                Counts before1 = counts(smtp, subscribers);
                long t1 = System.nanoTime();
                publish(producer, 100_000);
                awaitSettled(jdbc, "global:100000", subscribers, atMost);
                double seconds1 = (System.nanoTime() - t1) / 1e9;
                Counts first = counts(smtp, subscribers).minus(before1);

                int complaints = complain(context, subscribers);
                Bench.out.printf("   %,d complaints posted to the Postmark webhook%n", complaints);
                long suppressed =
                        jdbc.queryForObject("select count(*) from suppressions", Long.class);

                Bench.out.println("   milestone 2 (global:200000)");
                Counts before2 = counts(smtp, subscribers);
                long t2 = System.nanoTime();
                publish(producer, 200_000);
                int expected = subscribers - (int) suppressed;
                awaitSettled(jdbc, "global:200000", expected, atMost);
                double seconds2 = (System.nanoTime() - t2) / 1e9;
                Counts second = counts(smtp, subscribers).minus(before2);
                String summary =
                        jdbc.queryForObject(
                                "select suppressed from fan_outs where milestone_id = ? and channel = 'EMAIL'",
                                String.class,
                                "global:200000");
                return report(
                        subscribers,
                        first,
                        seconds1,
                        second,
                        seconds2,
                        complaints,
                        suppressed,
                        summary);
            } finally {
                context.close();
            }
        }
    }

    /** Every tenth subscriber ({@code s0}, {@code s10}, …) is a dead address. */
    static boolean dead(String address) {
        return index(address) % 10 == 0;
    }

    /** Every hundredth subscriber ({@code s1}, {@code s101}, …) complains after milestone 1. */
    static boolean complainer(int index) {
        return index % 100 == 1;
    }

    private static int index(String address) {
        int at = address.indexOf('@');
        try {
            return Integer.parseInt(address.substring(1, at));
        } catch (RuntimeException notOurs) {
            return -1;
        }
    }

    /** RCPT TO per kind of address, read from the server's per-address counters. */
    record Counts(long rcpt, long rejected, long toDead, long toComplainers) {
        Counts minus(Counts other) {
            return new Counts(
                    rcpt - other.rcpt,
                    rejected - other.rejected,
                    toDead - other.toDead,
                    toComplainers - other.toComplainers);
        }

        long accepted() {
            return rcpt - rejected;
        }
    }

    private static Counts counts(RejectingSmtpServer smtp, int subscribers) {
        long rcpt = 0;
        long dead = 0;
        long complainers = 0;
        for (int i = 0; i < subscribers; i++) {
            String address = "s" + i + "@example.org";
            int attempts = smtp.attempts(address);
            rcpt += attempts;
            if (dead(address)) {
                dead += attempts;
            } else if (complainer(i)) {
                complainers += attempts;
            }
        }
        return new Counts(rcpt, dead, dead, complainers);
    }

    private static void awaitSettled(
            JdbcTemplate jdbc, String milestone, int rows, Duration atMost) {
        await().atMost(atMost)
                .pollInterval(Duration.ofMillis(200))
                .until(
                        () ->
                                jdbc.queryForObject(
                                                "select count(*) from deliveries where"
                                                        + " milestone_id = ? and status <>"
                                                        + " 'PENDING'",
                                                Long.class,
                                                milestone)
                                        >= rows);
    }

    /** One Postmark SpamComplaint per complainer, as Postmark posts it. */
    private static int complain(ConfigurableApplicationContext context, int subscribers)
            throws Exception {
        String port = context.getEnvironment().getProperty("local.server.port");
        URI uri = URI.create("http://localhost:" + port + "/api/webhooks/postmark");
        String auth =
                "Basic "
                        + Base64.getEncoder()
                                .encodeToString(
                                        ("postmark:" + WEBHOOK_PASSWORD)
                                                .getBytes(StandardCharsets.UTF_8));
        int sent = 0;
        HttpClient http = HttpClient.newHttpClient();
        for (int i = 0; i < subscribers; i++) {
            if (!complainer(i)) {
                continue;
            }
            String body =
                    String.format(
                            Locale.ROOT,
                            "{\"RecordType\":\"SpamComplaint\",\"ID\":%d,\"Type\":"
                                    + "\"SpamComplaint\",\"TypeCode\":512,\"Email\":"
                                    + "\"s%d@example.org\",\"Description\":\"The subscriber"
                                    + " explicitly marked this message as spam.\"}",
                            4_000_000_000L + i,
                            i);
            var response =
                    http.send(
                            HttpRequest.newBuilder(uri)
                                    .header("Authorization", auth)
                                    .header("Content-Type", "application/json")
                                    .POST(HttpRequest.BodyPublishers.ofString(body))
                                    .build(),
                            HttpResponse.BodyHandlers.discarding());
            if (response.statusCode() != 200) {
                throw new IllegalStateException("webhook answered " + response.statusCode());
            }
            sent++;
        }
        return sent;
    }

    private static KafkaProducer<String, byte[]> producer(String bootstrapServers) {
        return new KafkaProducer<>(
                Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers),
                new StringSerializer(),
                new ByteArraySerializer());
    }

    private static void publish(KafkaProducer<String, byte[]> producer, long threshold)
            throws Exception {
        Instant now = Instant.now();
        var milestone =
                new MilestoneReached(
                        Scope.GLOBAL.milestoneId(threshold),
                        Scope.GLOBAL,
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
            Counts first,
            double seconds1,
            Counts second,
            double seconds2,
            int complaints,
            long suppressed,
            String suppressedAtFanOut) {
        double rate2 = second.rcpt() == 0 ? 0 : 100.0 * second.rejected() / second.rcpt();
        double rate1 = first.rcpt() == 0 ? 0 : 100.0 * first.rejected() / first.rcpt();
        return new Report(this)
                .setup(
                        String.format(
                                Locale.ROOT,
                                "%,d confirmed subscribers of the global scope in notifier-service's"
                                        + " H2 file database; every 10th address dead (550 5.1.1 at"
                                        + " RCPT TO, test-support RejectingSmtpServer), every 100th"
                                        + " complains after milestone 1 (Postmark SpamComplaint"
                                        + " webhook, %,d calls)",
                                subscribers,
                                complaints))
                .setup(
                        "milestones.mail.rate-per-second=0 as in B6; otherwise the defaults (3"
                                + " sender threads, 6 partitions, soft-bounce threshold 3 in 30"
                                + " days); suppressions after milestone 1: "
                                + Report.number(suppressed)
                                + "; fan_outs.suppressed at milestone 2: "
                                + suppressedAtFanOut)
                .columns(
                        "milestone",
                        "RCPT TO",
                        "accepted",
                        "rejected (bounce rate)",
                        "to dead addresses",
                        "to complainers",
                        "seconds",
                        "e-mails/s")
                .row(
                        "1 (global:100000)",
                        Report.number(first.rcpt()),
                        Report.number(first.accepted()),
                        Report.number(first.rejected())
                                + String.format(Locale.ROOT, " (%.2f %%)", rate1),
                        Report.number(first.toDead()),
                        Report.number(first.toComplainers()),
                        Report.decimal(seconds1),
                        Report.number(first.rcpt() / seconds1))
                .row(
                        "2 (global:200000)",
                        Report.number(second.rcpt()),
                        Report.number(second.accepted()),
                        Report.number(second.rejected())
                                + String.format(Locale.ROOT, " (%.2f %%)", rate2),
                        Report.number(second.toDead()),
                        Report.number(second.toComplainers()),
                        Report.decimal(seconds2),
                        Report.number(second.rcpt() / seconds2))
                .note(
                        "Goal at milestone 2: no RCPT TO to a dead address or a complainer (seen: "
                                + second.toDead()
                                + " and "
                                + second.toComplainers()
                                + "), bounce rate under 0.5 % (seen: "
                                + String.format(Locale.ROOT, "%.2f %%", rate2)
                                + "). e-mails/s counts every RCPT TO from the milestone's"
                                + " publication until every delivery row of it is final; B6"
                                + " measures the same path into GreenMail without refusals.");
    }
}
