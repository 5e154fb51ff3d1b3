package io.milestones.chain.bluesky;

import io.milestones.chain.ChainMetrics;
import io.milestones.chain.ChainProperties;
import io.milestones.chain.stream.ReconnectingStream;
import io.milestones.chain.stream.StreamBatch;
import io.milestones.events.ChainNetwork;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Bluesky through Jetstream: a WebSocket of JSON commits of {@code app.bsky.feed.post}, resumed
 * with {@code cursor} (the last committed {@code time_us}, microseconds). Jetstream replays from
 * the cursor on, so the first events after a resume may repeat; they are dropped by post id.
 */
public final class JetstreamStream extends ReconnectingStream {

    /** The stream's key on {@code chain-cursors}. */
    public static final String STREAM = "bluesky:jetstream";

    private final HttpClient http;
    private final URI endpoint;
    private final JetstreamEvents events;
    private final ChainMetrics metrics;
    private final Duration heartbeatTimeout;
    private final int maxEventBytes;
    private volatile WebSocket socket;
    private volatile long lastActivity;

    public JetstreamStream(
            StreamBatch batch,
            HttpClient http,
            ChainProperties properties,
            ChainMetrics metrics,
            Clock clock) {
        super(
                ChainNetwork.BLUESKY,
                batch,
                metrics,
                properties.stream().backoffInitial(),
                properties.stream().backoffMax());
        this.http = http;
        this.endpoint = properties.bluesky().jetstreamUrl();
        this.metrics = metrics;
        this.heartbeatTimeout = properties.stream().heartbeatTimeout();
        this.maxEventBytes = properties.limits().maxEventBytes();
        this.events =
                new JetstreamEvents(
                        batch,
                        properties.campaign(),
                        properties.normalizedTags(),
                        properties.limits().maxMentions(),
                        maxEventBytes,
                        metrics,
                        clock);
    }

    static URI subscribe(URI endpoint, String cursor) {
        String base = endpoint.toString();
        String separator = base.contains("?") ? "&" : "?";
        return URI.create(
                base
                        + separator
                        + "wantedCollections="
                        + BlueskyPosts.POST
                        + (cursor == null ? "" : "&cursor=" + cursor));
    }

    @Override
    protected void readConnection(String position) throws Exception {
        CompletableFuture<Void> closed = new CompletableFuture<>();
        lastActivity = System.nanoTime();
        socket =
                http.newWebSocketBuilder()
                        .connectTimeout(heartbeatTimeout)
                        .buildAsync(subscribe(endpoint, position), new Listener(closed))
                        .get(heartbeatTimeout.toMillis() * 2, TimeUnit.MILLISECONDS);
        long tick = Math.max(10, heartbeatTimeout.toMillis() / 4);
        while (running()) {
            try {
                closed.get(tick, TimeUnit.MILLISECONDS);
                return;
            } catch (TimeoutException e) {
                if (System.nanoTime() - lastActivity > heartbeatTimeout.toNanos()) {
                    socket.abort();
                    throw new IOException("no message for " + heartbeatTimeout);
                }
            } catch (ExecutionException e) {
                throw e.getCause() instanceof Exception cause ? cause : e;
            }
        }
    }

    @Override
    protected void disconnect() {
        WebSocket current = socket;
        if (current != null) {
            current.abort();
        }
    }

    private final class Listener implements WebSocket.Listener {
        private final CompletableFuture<Void> closed;
        private final StringBuilder message = new StringBuilder();
        private boolean oversized;

        Listener(CompletableFuture<Void> closed) {
            this.closed = closed;
        }

        @Override
        public CompletionStage<?> onText(WebSocket webSocket, CharSequence data, boolean last) {
            lastActivity = System.nanoTime();
            if (!oversized) {
                message.append(data);
                oversized = message.length() > maxEventBytes;
            }
            if (last) {
                try {
                    if (oversized) {
                        metrics.skipped(ChainNetwork.BLUESKY, "oversized");
                    } else {
                        events.handle(message.toString());
                    }
                    received();
                } catch (RuntimeException e) {
                    // the commit failed: resume from the committed position
                    closed.completeExceptionally(e);
                    webSocket.abort();
                    return null;
                } finally {
                    message.setLength(0);
                    oversized = false;
                }
            }
            webSocket.request(1);
            return null;
        }

        @Override
        public CompletionStage<?> onPing(WebSocket webSocket, java.nio.ByteBuffer data) {
            lastActivity = System.nanoTime();
            return WebSocket.Listener.super.onPing(webSocket, data);
        }

        @Override
        public CompletionStage<?> onClose(WebSocket webSocket, int statusCode, String reason) {
            truncated();
            closed.complete(null);
            return null;
        }

        @Override
        public void onError(WebSocket webSocket, Throwable error) {
            truncated();
            closed.completeExceptionally(error);
        }

        private void truncated() {
            if (!message.isEmpty()) {
                metrics.skipped(ChainNetwork.BLUESKY, "truncated");
                message.setLength(0);
            }
        }
    }
}
