package io.milestones.chain;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.milestones.chain.bluesky.JetstreamStream;
import io.milestones.chain.log.ChainLogs;
import io.milestones.chain.log.ChainState;
import io.milestones.chain.stream.StreamBatch;
import io.milestones.events.ChainNetwork;
import java.net.URI;
import java.net.http.HttpClient;
import java.time.Clock;
import java.time.Duration;
import java.util.List;

/**
 * B12: how many Jetstream messages per second chain-service reads, filters and batches from a local
 * fake firehose (real WebSocket on loopback). 1 % of the messages carry the campaign tag; the Kafka
 * producer is spring-kafka's MockProducer, so the number is the listener's, not the broker's.
 *
 * <p>Run: {@code ./mvnw -B -q -o -pl chain-service -am test-compile} then {@code java -cp
 * chain-service/target/test-classes:chain-service/target/classes:$(cat cp.txt)
 * io.milestones.chain.JetstreamIngestBenchmark 200000}
 */
public final class JetstreamIngestBenchmark {

    public static void main(String[] args) throws Exception {
        int messages = args.length > 0 ? Integer.parseInt(args[0]) : 200_000;
        var firehose = new FakeJetstream();
        firehose.start();
        while (firehose.getPort() <= 0) {
            Thread.onSpinWait();
        }
        long base = 1_700_000_000_000_000L;
        for (int i = 0; i < messages; i++) {
            long t = base + i;
            firehose.publish(
                    t,
                    i % 100 == 0
                            ? FakeJetstream.post(t, "did:plc:t" + i, "r" + i, "did:plc:x")
                            : FakeJetstream.other(t),
                    false);
        }
        var properties =
                new ChainProperties(
                        "1MeTwinners",
                        List.of("1MeTwinners"),
                        1,
                        (short) 1,
                        new ChainProperties.Mastodon(false, URI.create("http://unused"), "", 40),
                        new ChainProperties.Bluesky(true, URI.create(firehose.url())),
                        new ChainProperties.Stream(
                                Duration.ofSeconds(30),
                                Duration.ofSeconds(1),
                                Duration.ofSeconds(1),
                                Duration.ofMillis(200),
                                200,
                                Duration.ofSeconds(1)),
                        new ChainProperties.Limits(65_536, 50));
        var metrics = new ChainMetrics(new SimpleMeterRegistry());
        var state = new ChainState();
        var written = new java.util.concurrent.atomic.AtomicLong();
        var log = ChainLogs.mock(state, written);
        var batch =
                new StreamBatch(
                        JetstreamStream.STREAM,
                        ChainNetwork.BLUESKY,
                        null,
                        log,
                        state,
                        metrics,
                        200,
                        Duration.ofMillis(200),
                        Duration.ofMillis(100));
        var http = HttpClient.newHttpClient();
        var stream = new JetstreamStream(batch, http, properties, metrics, Clock.systemUTC());
        String last = Long.toString(base + messages - 1);
        long start = System.nanoTime();
        Thread reader = new Thread(stream);
        reader.start();
        while (!last.equals(batch.committedPosition())) {
            Thread.sleep(5);
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        stream.stop();
        firehose.stop(1000);
        System.out.printf(
                "messages=%d chainPosts=%d seconds=%.2f messagesPerSecond=%.0f%n",
                messages, written.get(), seconds, messages / seconds);
        System.exit(0);
    }
}
