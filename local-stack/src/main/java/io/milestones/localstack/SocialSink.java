package io.milestones.localstack;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The six social networks on one local HTTP port, so the demo posts everywhere without an account:
 * Mastodon, Bluesky, X, Facebook (Graph API), Instagram (Graph API content publishing) and LinkedIn
 * (REST API) answer the requests the notifier's adapters send with their documented shapes
 * (decision 0405), and {@code /} shows what each network received — the social log. Look-ups see
 * the posts made so far, so a retried post is found here as it would be there. Binds to localhost;
 * nothing leaves the machine.
 */
final class SocialSink implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(SocialSink.class);

    /** A post as the network would show it. */
    record Post(Instant receivedAt, String network, String text, String picture) {}

    /** An answer: status, JSON body, and extra headers. */
    record Answer(int status, String json, Map<String, String> headers) {
        static Answer ok(String json) {
            return new Answer(200, json, Map.of());
        }
    }

    private final HttpServer server;
    private final Clock clock;
    private final SinkNetworks networks;
    private final List<Post> posts = new ArrayList<>();

    SocialSink(int port, Clock clock) throws IOException {
        this.clock = clock;
        this.server = HttpServer.create(new InetSocketAddress("localhost", port), 0);
        this.networks = new SinkNetworks(this, new AtomicLong(1000));
        server.createContext("/", this::handle);
        server.start();
    }

    int port() {
        return server.getAddress().getPort();
    }

    String baseUrl() {
        return "http://localhost:" + port();
    }

    /** The posts received so far, oldest first. */
    List<Post> posts() {
        synchronized (posts) {
            return List.copyOf(posts);
        }
    }

    void posted(String network, String text, String picture) {
        synchronized (posts) {
            posts.add(new Post(clock.instant(), network, text, picture));
        }
        log.info("Social sink: {} received a post", network);
    }

    /**
     * Notifier settings that switch all six networks on and point them here; the tokens are
     * placeholders the sink does not check.
     */
    Map<String, Object> notifierSettings(int notifierPort) {
        Map<String, Object> settings = new HashMap<>();
        for (String network : List.of("mastodon", "x", "facebook", "instagram", "linkedin")) {
            settings.put("milestones.social." + network + ".enabled", true);
            settings.put("milestones.social." + network + ".base-url", baseUrl());
        }
        settings.put("milestones.social.bluesky.enabled", true);
        settings.put("milestones.social.bluesky.service-url", baseUrl());
        settings.put("milestones.social.bluesky.identifier", "etwinning.localhost");
        settings.put("milestones.social.bluesky.app-password", "local-stack");
        for (String network : List.of("mastodon", "x", "instagram", "linkedin")) {
            settings.put("milestones.social." + network + ".access-token", "local-stack");
        }
        settings.put("milestones.social.facebook.page-id", SinkNetworks.PAGE);
        settings.put("milestones.social.facebook.page-access-token", "local-stack");
        settings.put("milestones.social.instagram.user-id", SinkNetworks.IG_USER);
        // Instagram requires https; here the URL is only shown, nobody downloads it.
        settings.put(
                "milestones.social.instagram.card-base-url", "https://localhost:" + notifierPort);
        settings.put("milestones.social.linkedin.organization-id", SinkNetworks.ORGANIZATION);
        // Local calls answer at once: short retries keep a mistake from holding posts up.
        settings.put("milestones.social.retry.max-wait", "10s");
        return settings;
    }

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            SinkRequest request = SinkRequest.read(exchange);
            if (request.method().equals("GET") && request.path().equals("/")) {
                send(exchange, 200, "text/html", SocialLogPage.render(posts()), Map.of());
                return;
            }
            Answer answer = networks.answer(request);
            send(exchange, answer.status(), "application/json", answer.json(), answer.headers());
        } catch (RuntimeException e) {
            log.warn("Social sink could not answer {}: {}", exchange.getRequestURI(), e.toString());
            send(exchange, 500, "application/json", "{\"error\":\"sink failure\"}", Map.of());
        }
    }

    private static void send(
            HttpExchange exchange,
            int status,
            String type,
            String body,
            Map<String, String> headers)
            throws IOException {
        byte[] bytes = body == null ? new byte[0] : body.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", type + "; charset=utf-8");
        headers.forEach(exchange.getResponseHeaders()::set);
        exchange.sendResponseHeaders(status, bytes.length == 0 ? -1 : bytes.length);
        if (bytes.length > 0) {
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(bytes);
            }
        }
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
