package io.milestones.chain.stream;

import io.milestones.chain.ChainMetrics;
import io.milestones.chain.ChainProperties;
import io.milestones.chain.bluesky.JetstreamStream;
import io.milestones.chain.log.ChainLog;
import io.milestones.chain.log.ChainRecovery;
import io.milestones.chain.log.ChainState;
import io.milestones.chain.mastodon.MastodonStream;
import io.milestones.events.ChainNetwork;
import java.net.http.HttpClient;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;

/**
 * Starts every enabled stream once the committed state is read back, and stops them (committing
 * what they read) when the application stops.
 */
@Component
class ChainStreams implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(ChainStreams.class);

    private final ChainProperties properties;
    private final ChainRecovery recovery;
    private final ChainLog chainLog;
    private final ChainState state;
    private final ChainMetrics metrics;
    private final Clock clock;
    private final List<ReconnectingStream> streams = new ArrayList<>();
    private final List<StreamBatch> batches = new ArrayList<>();
    private final List<Thread> threads = new ArrayList<>();
    private ScheduledExecutorService scheduler;
    private HttpClient http;
    private ExecutorService httpThreads;
    private volatile boolean running;

    ChainStreams(
            ChainProperties properties,
            ChainRecovery recovery,
            ChainLog chainLog,
            ChainState state,
            ChainMetrics metrics,
            Clock clock) {
        this.properties = properties;
        this.recovery = recovery;
        this.chainLog = chainLog;
        this.state = state;
        this.metrics = metrics;
        this.clock = clock;
    }

    @Override
    public synchronized void start() {
        Map<String, String> positions = recovery.recover();
        scheduler = Executors.newScheduledThreadPool(1, r -> daemon(r, "chain-timer"));
        httpThreads = Executors.newCachedThreadPool(r -> daemon(r, "chain-http"));
        http =
                HttpClient.newBuilder()
                        .executor(httpThreads)
                        .connectTimeout(properties.stream().heartbeatTimeout())
                        .build();
        if (properties.mastodon().enabled()) {
            for (String tag : properties.normalizedTags()) {
                String name = MastodonStream.streamName(properties.mastodon(), tag);
                StreamBatch batch = batch(name, ChainNetwork.MASTODON, positions.get(name));
                streams.add(
                        new MastodonStream(
                                batch, http, properties, tag, metrics, clock, scheduler));
            }
        }
        if (properties.bluesky().enabled()) {
            StreamBatch batch =
                    batch(
                            JetstreamStream.STREAM,
                            ChainNetwork.BLUESKY,
                            positions.get(JetstreamStream.STREAM));
            streams.add(new JetstreamStream(batch, http, properties, metrics, clock));
        }
        long tick = Math.max(10, properties.stream().flushInterval().toMillis() / 2);
        scheduler.scheduleWithFixedDelay(this::flushDue, tick, tick, TimeUnit.MILLISECONDS);
        for (ReconnectingStream stream : streams) {
            Thread thread = new Thread(stream, "chain-stream-" + threads.size());
            thread.setDaemon(true);
            threads.add(thread);
            thread.start();
        }
        running = true;
        log.info("following {} stream(s) of campaign {}", streams.size(), properties.campaign());
    }

    private StreamBatch batch(String name, ChainNetwork network, String position) {
        var settings = properties.stream();
        StreamBatch batch =
                new StreamBatch(
                        name,
                        network,
                        position,
                        chainLog,
                        state,
                        metrics,
                        settings.maxBatch(),
                        settings.flushInterval(),
                        settings.cursorInterval());
        batches.add(batch);
        return batch;
    }

    private void flushDue() {
        for (StreamBatch batch : batches) {
            try {
                batch.flushIfDue();
            } catch (RuntimeException e) {
                // the stream's own thread meets the same failure and resumes from the last commit
                log.warn("commit of {} failed: {}", batch.stream(), e.toString());
            }
        }
    }

    @Override
    public synchronized void stop() {
        running = false;
        streams.forEach(ReconnectingStream::stop);
        for (Thread thread : threads) {
            try {
                thread.join(Duration.ofSeconds(10).toMillis());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        if (scheduler != null) {
            scheduler.shutdownNow();
        }
        if (httpThreads != null) {
            httpThreads.shutdownNow();
        }
        streams.clear();
        batches.clear();
        threads.clear();
    }

    @Override
    public boolean isRunning() {
        return running;
    }

    private static Thread daemon(Runnable r, String name) {
        Thread thread = new Thread(r, name);
        thread.setDaemon(true);
        return thread;
    }
}
