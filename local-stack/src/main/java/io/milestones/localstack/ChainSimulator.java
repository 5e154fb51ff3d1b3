package io.milestones.localstack;

import io.milestones.testing.chain.FakeJetstream;
import io.milestones.testing.chain.FakeMastodon;
import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The demo's social chain: simulated teachers answer #1MeTwinners on an in-process Mastodon
 * (hashtag streaming, server-sent events) and an in-process Jetstream (WebSocket), the fakes the
 * tests use. Each answer tags a colleague, who answers a little later and tags another; now and
 * then a teacher starts a chain of their own, or answers a second time (counted once). Bluesky's
 * firehose also carries posts without the hashtag, which chain-service must filter out. The
 * accounts are invented ({@code teacher17@demo.social}, {@code did:plc:demoteacher17}): nobody real
 * is named.
 */
final class ChainSimulator implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(ChainSimulator.class);
    private static final List<String> LANGUAGES = List.of("en", "it", "fr", "de", "es", "pl");

    /** A simulated teacher, on one network. */
    record Teacher(int number, boolean onMastodon) {
        String account() {
            return onMastodon
                    ? "teacher" + number + "@demo.social"
                    : "did:plc:demoteacher" + number;
        }
    }

    private final FakeMastodon mastodon;
    private final FakeJetstream jetstream;
    private final int total;
    private final Random random = new Random();
    private final List<Teacher> tagged = new ArrayList<>();
    private final List<Teacher> answered = new ArrayList<>();
    private final ScheduledExecutorService timer =
            Executors.newSingleThreadScheduledExecutor(
                    r -> {
                        Thread thread = new Thread(r, "chain-simulator");
                        thread.setDaemon(true);
                        return thread;
                    });
    private int teachers;
    private int answers;
    private long lastStatusId;
    private long lastTimeUs;

    private ChainSimulator(FakeMastodon mastodon, FakeJetstream jetstream, int total) {
        this.mastodon = mastodon;
        this.jetstream = jetstream;
        this.total = total;
    }

    /** Starts both fake networks; nobody answers before {@link #begin}. */
    static ChainSimulator create(int total) {
        try {
            FakeMastodon mastodon = new FakeMastodon();
            FakeJetstream jetstream = new FakeJetstream();
            jetstream.start();
            return new ChainSimulator(mastodon, jetstream, total);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    /**
     * One answer every {@code interval}, from the moment chain-service follows the Mastodon stream
     * (it follows a hashtag from its first connection on).
     */
    void begin(Duration interval) {
        timer.scheduleAtFixedRate(this::tick, 0, interval.toMillis(), TimeUnit.MILLISECONDS);
    }

    /** Where chain-service finds the fake Mastodon instance. */
    String mastodonUrl() {
        return mastodon.baseUrl();
    }

    /** Where chain-service finds the fake Jetstream (waits for its port). */
    String jetstreamUrl() {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (jetstream.getPort() <= 0 && System.nanoTime() < deadline) {
            Thread.onSpinWait();
        }
        return jetstream.url();
    }

    private synchronized void tick() {
        try {
            if (answers >= total || mastodon.openStreams() == 0) {
                return;
            }
            Teacher author;
            if (!answered.isEmpty() && random.nextInt(20) == 0) {
                author = answered.get(random.nextInt(answered.size())); // answers again
            } else if (tagged.isEmpty() || random.nextInt(8) == 0) {
                author = new Teacher(++teachers, random.nextBoolean()); // starts a chain
            } else {
                author = tagged.remove(random.nextInt(tagged.size()));
            }
            Teacher colleague = new Teacher(++teachers, author.onMastodon());
            tagged.add(colleague);
            answered.add(author);
            post(author, colleague, LANGUAGES.get(random.nextInt(LANGUAGES.size())));
            answers++;
            if (answers == total) {
                log.info("Chain simulator: {} answers posted, done", total);
            }
        } catch (RuntimeException e) {
            log.warn("Chain simulator: an answer failed: {}", e.getMessage());
        }
    }

    private void post(Teacher author, Teacher colleague, String language) {
        String now = Instant.now().toString();
        if (author.onMastodon()) {
            // Mastodon ids grow with time (snowflakes): a restarted demo never reuses one
            lastStatusId = Math.max(lastStatusId + 1, System.currentTimeMillis() << 16);
            String id = Long.toString(lastStatusId);
            mastodon.publish(
                    id,
                    FakeMastodon.status(id, author.account(), colleague.account(), language, now),
                    true);
        } else {
            long timeUs = nextTimeUs();
            jetstream.publish(
                    timeUs,
                    FakeJetstream.post(
                            timeUs,
                            author.account(),
                            "demo" + timeUs,
                            colleague.account(),
                            language,
                            now),
                    true);
            // the firehose carries everybody's posts, most of them not part of the chain
            long other = nextTimeUs();
            jetstream.publish(other, FakeJetstream.other(other), true);
        }
    }

    private long nextTimeUs() {
        lastTimeUs = Math.max(lastTimeUs + 1, System.currentTimeMillis() * 1000);
        return lastTimeUs;
    }

    @Override
    public void close() throws Exception {
        timer.shutdownNow();
        mastodon.close();
        jetstream.stop(1000);
    }
}
