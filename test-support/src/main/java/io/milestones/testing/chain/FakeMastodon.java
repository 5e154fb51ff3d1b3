package io.milestones.testing.chain;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

/**
 * A Mastodon instance over real HTTP: the hashtag stream ({@code GET
 * /api/v1/streaming/hashtag?tag=}, server-sent events {@code update} / {@code delete} and heartbeat
 * comments) and the hashtag timeline ({@code GET /api/v1/timelines/tag/<tag>?min_id=&limit=},
 * newest first), as docs.joinmastodon.org describes them. Shared by chain-service's tests, the
 * local stack's end-to-end tests and its demo.
 */
public class FakeMastodon implements AutoCloseable {

    private static final String CLOSE = "\u0000close";

    private final HttpServer server;
    private final Map<String, String> statuses = new ConcurrentHashMap<>();
    private final List<BlockingQueue<String>> streams = new CopyOnWriteArrayList<>();

    public FakeMastodon() throws IOException {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.setExecutor(Executors.newCachedThreadPool());
        server.createContext("/api/v1/streaming/hashtag", this::stream);
        server.createContext("/api/v1/timelines/tag/", this::timeline);
        server.start();
    }

    public String baseUrl() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    /**
     * A public status of {@code acct} in French, tagged #1MeTwinners, mentioning {@code mentioned}.
     */
    public static String status(String id, String acct, String mentioned) {
        return status(id, acct, mentioned, "fr", "2021-12-03T11:00:00.000Z");
    }

    /**
     * A public status of {@code acct}, tagged #1MeTwinners, mentioning {@code mentioned}.
     *
     * @param language its ISO 639 language
     * @param createdAt its {@code created_at} (ISO 8601)
     */
    public static String status(
            String id, String acct, String mentioned, String language, String createdAt) {
        return "{\"id\":\""
                + id
                + "\",\"created_at\":\""
                + createdAt
                + "\",\"visibility\":\"public\","
                + "\"language\":\""
                + language
                + "\",\"uri\":\"https://m.example/users/"
                + acct
                + "/statuses/"
                + id
                + "\",\"url\":\"https://m.example/@"
                + acct
                + "/"
                + id
                + "\",\"account\":{\"id\":\"9\",\"acct\":\""
                + acct
                + "\"},\"mentions\":[{\"acct\":\""
                + mentioned
                + "\"}],\"tags\":[{\"name\":\"1MeTwinners\"}],\"in_reply_to_id\":null,"
                + "\"reblog\":null,\"content\":\"<p>#1MeTwinners notre meilleur résultat</p>\"}";
    }

    /** A status appears on the timeline; {@code live}: and on the open streams. */
    public void publish(String id, String json, boolean live) {
        statuses.put(id, json);
        if (live) {
            send("event: update\ndata: " + json + "\n\n");
        }
    }

    public void delete(String id) {
        statuses.remove(id);
        send("event: delete\ndata: " + id + "\n\n");
    }

    /** Anything, e.g. malformed events. */
    public void send(String raw) {
        streams.forEach(q -> q.add(raw));
    }

    /** Drops every open stream, as a proxy restart would. */
    public void disconnectAll() {
        streams.forEach(q -> q.add(CLOSE));
    }

    public int openStreams() {
        return streams.size();
    }

    private void stream(HttpExchange exchange) throws IOException {
        BlockingQueue<String> queue = new LinkedBlockingQueue<>();
        exchange.getResponseHeaders().add("Content-Type", "text/event-stream");
        exchange.sendResponseHeaders(200, 0);
        streams.add(queue);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(":)\n".getBytes(StandardCharsets.UTF_8));
            out.flush();
            while (true) {
                String next = queue.poll(500, TimeUnit.MILLISECONDS);
                if (CLOSE.equals(next)) {
                    return;
                }
                out.write((next == null ? ":thump\n" : next).getBytes(StandardCharsets.UTF_8));
                out.flush();
            }
        } catch (InterruptedException | IOException e) {
            // client went away
        } finally {
            streams.remove(queue);
            exchange.close();
        }
    }

    private void timeline(HttpExchange exchange) throws IOException {
        String query = exchange.getRequestURI().getQuery();
        String minId = "0";
        int limit = 40;
        for (String pair : query == null ? new String[0] : query.split("&")) {
            String[] kv = pair.split("=", 2);
            if (kv[0].equals("min_id")) {
                minId = kv[1];
            } else if (kv[0].equals("limit")) {
                limit = Integer.parseInt(kv[1]);
            }
        }
        long from = Long.parseLong(minId);
        List<String> ids = new ArrayList<>(statuses.keySet());
        ids.removeIf(id -> Long.parseLong(id) <= from);
        ids.sort(Comparator.comparingLong(Long::parseLong));
        List<String> page = new ArrayList<>(ids.subList(0, Math.min(limit, ids.size())));
        page.sort(Comparator.comparingLong((String id) -> Long.parseLong(id)).reversed());
        byte[] body =
                ("[" + String.join(",", page.stream().map(statuses::get).toList()) + "]")
                        .getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().add("Content-Type", "application/json");
        exchange.sendResponseHeaders(200, body.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(body);
        }
    }

    @Override
    public void close() {
        disconnectAll();
        server.stop(0);
    }
}
