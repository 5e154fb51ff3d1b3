package io.milestones.chain.mastodon;

import io.milestones.chain.ChainMetrics;
import io.milestones.chain.ChainMetrics.BadInput;
import io.milestones.chain.ChainProperties;
import io.milestones.chain.stream.Json;
import io.milestones.chain.stream.ReconnectingStream;
import io.milestones.chain.stream.StreamBatch;
import io.milestones.events.ChainNetwork;
import io.milestones.events.ChainPostObserved;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import tools.jackson.databind.JsonNode;

/**
 * One campaign tag on one Mastodon instance: the hashtag stream (server-sent events {@code update}
 * and {@code delete}, heartbeat comments) and, on every (re)connection, the hashtag timeline from
 * the last status kept ({@code min_id}, oldest first), so a gap is filled before the live stream is
 * read. The stream is opened before the catch-up so nothing falls between the two; overlaps are
 * dropped by post id.
 */
public final class MastodonStream extends ReconnectingStream {

    private final HttpClient http;
    private final ChainProperties.Mastodon settings;
    private final String tag;
    private final MastodonStatuses statuses;
    private final ChainMetrics metrics;
    private final Clock clock;
    private final ScheduledExecutorService scheduler;
    private final Duration heartbeatTimeout;
    private final int maxEventBytes;

    private volatile InputStream body;
    private volatile long lastActivity;
    private String lastId;

    public MastodonStream(
            StreamBatch batch,
            HttpClient http,
            ChainProperties properties,
            String tag,
            ChainMetrics metrics,
            Clock clock,
            ScheduledExecutorService scheduler) {
        super(
                ChainNetwork.MASTODON,
                batch,
                metrics,
                properties.stream().backoffInitial(),
                properties.stream().backoffMax());
        this.http = http;
        this.settings = properties.mastodon();
        this.tag = tag;
        this.statuses =
                new MastodonStatuses(
                        properties.campaign(),
                        properties.normalizedTags(),
                        settings.host(),
                        properties.limits().maxMentions());
        this.metrics = metrics;
        this.clock = clock;
        this.scheduler = scheduler;
        this.heartbeatTimeout = properties.stream().heartbeatTimeout();
        this.maxEventBytes = properties.limits().maxEventBytes();
    }

    /** The stream's key on {@code chain-cursors}. */
    public static String streamName(ChainProperties.Mastodon settings, String tag) {
        return "mastodon:" + settings.host() + ":" + tag;
    }

    @Override
    protected void readConnection(String position) throws Exception {
        lastId = position;
        HttpResponse<InputStream> response =
                http.send(
                        request("/api/v1/streaming/hashtag?tag=" + encoded())
                                .header("Accept", "text/event-stream")
                                .build(),
                        HttpResponse.BodyHandlers.ofInputStream());
        body = response.body();
        if (response.statusCode() != 200) {
            body.close();
            throw new IOException("streaming answered " + response.statusCode());
        }
        lastActivity = System.nanoTime();
        ScheduledFuture<?> watchdog =
                scheduler.scheduleAtFixedRate(
                        this::closeIfStalled,
                        heartbeatTimeout.toMillis() / 4,
                        heartbeatTimeout.toMillis() / 4,
                        TimeUnit.MILLISECONDS);
        try (var reader = new BufferedReader(new InputStreamReader(body, StandardCharsets.UTF_8))) {
            if (position != null) {
                catchUp(position);
            }
            readEvents(reader);
        } finally {
            watchdog.cancel(false);
        }
    }

    private void readEvents(BufferedReader reader) throws IOException {
        String event = null;
        StringBuilder data = new StringBuilder();
        String line;
        while (running() && (line = reader.readLine()) != null) {
            lastActivity = System.nanoTime();
            if (line.isEmpty()) {
                if (event != null || !data.isEmpty()) {
                    dispatch(event, data.toString());
                }
                event = null;
                data.setLength(0);
            } else if (line.startsWith(":")) {
                received(); // heartbeat
            } else if (line.startsWith("event:")) {
                event = line.substring(6).trim();
            } else if (line.startsWith("data:")) {
                if (!data.isEmpty()) {
                    data.append('\n');
                }
                data.append(
                        line.length() > 5 && line.charAt(5) == ' '
                                ? line.substring(6)
                                : line.substring(5));
            }
        }
    }

    private void dispatch(String event, String data) {
        received();
        if ("delete".equals(event)) {
            batch.deleted(data.trim(), clock.instant(), null);
            return;
        }
        if (!"update".equals(event)) {
            metrics.skipped(ChainNetwork.MASTODON, "unknown-event");
            return;
        }
        JsonNode status;
        try {
            if (data.length() > maxEventBytes) {
                throw new BadInput("oversized", data.length() + " characters");
            }
            status = Json.parse(data);
        } catch (BadInput e) {
            metrics.skipped(ChainNetwork.MASTODON, e.reason());
            return;
        }
        update(status);
    }

    private void update(JsonNode status) {
        ChainPostObserved post;
        try {
            post = statuses.read(status);
        } catch (BadInput e) {
            metrics.skipped(ChainNetwork.MASTODON, e.reason());
            return;
        } catch (IllegalArgumentException e) {
            metrics.skipped(ChainNetwork.MASTODON, "invalid");
            return;
        }
        lastId = StatusIds.max(lastId, Json.text(status, "id"));
        if (post != null) {
            batch.observed(post, lastId);
        } else {
            batch.advanced(lastId);
        }
    }

    /** Pages the hashtag timeline forward from {@code position} until it is exhausted. */
    private void catchUp(String position) throws IOException, InterruptedException {
        String from = position;
        while (running()) {
            HttpResponse<String> page =
                    http.send(
                            request(
                                            "/api/v1/timelines/tag/"
                                                    + encoded()
                                                    + "?limit="
                                                    + settings.catchUpPageSize()
                                                    + "&min_id="
                                                    + from)
                                    .build(),
                            HttpResponse.BodyHandlers.ofString());
            if (page.statusCode() != 200) {
                throw new IOException("hashtag timeline answered " + page.statusCode());
            }
            List<JsonNode> items = new ArrayList<>();
            EventJsonArray.parse(page.body()).forEach(items::add);
            items.sort(
                    Comparator.comparing(
                            (JsonNode status) -> Json.text(status, "id"),
                            Comparator.nullsFirst(StatusIds.ORDER)));
            received();
            for (JsonNode status : items) {
                update(status);
            }
            if (items.size() < settings.catchUpPageSize()
                    || lastId == null
                    || lastId.equals(from)) {
                return;
            }
            from = lastId;
        }
    }

    private HttpRequest.Builder request(String path) {
        var builder =
                HttpRequest.newBuilder(
                                URI.create(
                                        settings.baseUrl().toString().replaceAll("/$", "") + path))
                        .GET();
        if (settings.accessToken() != null && !settings.accessToken().isBlank()) {
            builder.header("Authorization", "Bearer " + settings.accessToken());
        }
        return builder;
    }

    private String encoded() {
        return URLEncoder.encode(tag, StandardCharsets.UTF_8);
    }

    private void closeIfStalled() {
        if (System.nanoTime() - lastActivity > heartbeatTimeout.toNanos()) {
            disconnect();
        }
    }

    @Override
    protected void disconnect() {
        InputStream current = body;
        if (current != null) {
            try {
                current.close();
            } catch (IOException ignored) {
                // closing is all we wanted
            }
        }
    }

    /** The timeline answers a JSON array. */
    private static final class EventJsonArray {
        static JsonNode parse(String body) throws IOException {
            try {
                JsonNode node = io.milestones.events.EventJson.mapper().readTree(body);
                if (node == null || !node.isArray()) {
                    throw new IOException("hashtag timeline is not a JSON array");
                }
                return node;
            } catch (tools.jackson.core.JacksonException e) {
                throw new IOException("hashtag timeline is not JSON: " + e.getOriginalMessage());
            }
        }
    }
}
