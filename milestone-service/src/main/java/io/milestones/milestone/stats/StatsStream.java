package io.milestones.milestone.stats;

import java.io.IOException;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Component;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;

/**
 * The live stream (server-sent events): every subscriber gets its view of the snapshot on connect,
 * then again each time the numbers change. Each event carries a {@code retry} hint, so a browser's
 * {@code EventSource} reconnects on its own after a restart. Stopping the application closes every
 * stream first, so open streams never hold up a graceful shutdown.
 */
@Component
class StatsStream implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(StatsStream.class);

    private final Set<Subscriber> subscribers = ConcurrentHashMap.newKeySet();
    private final StatsSnapshots snapshots;
    private final StatsProperties properties;
    private volatile boolean running;

    StatsStream(StatsSnapshots snapshots, StatsProperties properties) {
        this.snapshots = snapshots;
        this.properties = properties;
    }

    /**
     * A new subscriber of the view named {@code key}.
     *
     * @param view what the subscriber sees of a snapshot
     */
    SseEmitter subscribe(String key, Function<StatsSnapshots.Current, ?> view) {
        SseEmitter emitter = new SseEmitter(properties.sseTimeout().toMillis());
        Subscriber subscriber = new Subscriber(emitter, key, view);
        emitter.onCompletion(() -> subscribers.remove(subscriber));
        emitter.onTimeout(() -> subscribers.remove(subscriber));
        emitter.onError(e -> subscribers.remove(subscriber));
        subscribers.add(subscriber);
        send(subscriber, snapshots.current());
        if (!running) {
            emitter.complete();
        }
        return emitter;
    }

    /** Sends the current snapshot to every subscriber (each view serialized once). */
    void publish(StatsSnapshots.Current current) {
        subscribers.forEach(s -> send(s, current));
    }

    /** A comment line: keeps idle connections open through proxies, finds dead ones. */
    void heartbeat() {
        subscribers.forEach(s -> trySend(s, SseEmitter.event().comment("")));
    }

    int subscribers() {
        return subscribers.size();
    }

    /** Closes every stream; browsers reconnect after the retry hint. */
    void completeAll() {
        subscribers.forEach(s -> s.emitter().complete());
        subscribers.clear();
    }

    private void send(Subscriber subscriber, StatsSnapshots.Current current) {
        StatsSnapshots.Json json = snapshots.json(current, subscriber.key(), subscriber.view());
        trySend(
                subscriber,
                SseEmitter.event()
                        .name("stats")
                        .id(json.etag())
                        .reconnectTime(properties.sseRetry().toMillis())
                        .data(json.body(), MediaType.APPLICATION_JSON));
    }

    private void trySend(Subscriber subscriber, SseEmitter.SseEventBuilder event) {
        try {
            subscriber.emitter().send(event);
        } catch (IOException | IllegalStateException e) {
            // The browser went away; the container completes the request.
            subscribers.remove(subscriber);
            log.debug("Live stats subscriber gone: {}", e.getMessage());
        }
    }

    @Override
    public void start() {
        running = true;
    }

    @Override
    public void stop() {
        running = false;
        completeAll();
    }

    @Override
    public boolean isRunning() {
        return running;
    }

    private record Subscriber(
            SseEmitter emitter, String key, Function<StatsSnapshots.Current, ?> view) {}
}
