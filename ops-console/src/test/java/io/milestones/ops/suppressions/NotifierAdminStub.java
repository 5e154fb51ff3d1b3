package io.milestones.ops.suppressions;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * The notifier's suppression admin API as {@code SuppressionController} answers it (checked {@code
 * X-API-Key}, masked addresses, 404 for an unknown address or hash), holding one hard bounce and
 * one erased complaint. Remembers what was looked up and lifted.
 */
public final class NotifierAdminStub implements AutoCloseable {

    public static final String KEY = "notifier-admin-key";
    public static final String ANA = "ana.silva@school.example";
    public static final String ANA_HASH = "5d1f" + "0".repeat(60);
    static final String ERASED_HASH = "9c2e" + "1".repeat(60);

    public final List<String> lookedUp = new CopyOnWriteArrayList<>();
    public final List<String> lifted = new CopyOnWriteArrayList<>();
    private final HttpServer server;

    public NotifierAdminStub() {
        try {
            server =
                    HttpServer.create(
                            new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        server.createContext("/api/admin/suppressions", this::handle);
        server.start();
    }

    public String baseUrl() {
        return "http://localhost:" + server.getAddress().getPort();
    }

    private void handle(HttpExchange exchange) throws IOException {
        String path = exchange.getRequestURI().getPath();
        if (!KEY.equals(exchange.getRequestHeaders().getFirst("X-API-Key"))) {
            reply(exchange, 403, "{\"detail\":\"X-API-Key missing or wrong\"}");
        } else if (exchange.getRequestMethod().equals("GET")) {
            reply(
                    exchange,
                    200,
                    "{\"page\":0,\"size\":50,\"total\":2,\"items\":["
                            + ana()
                            + ",{\"addressHash\":\""
                            + ERASED_HASH
                            + "\",\"address\":null,\"reason\":\"COMPLAINT\",\"source\":\"ses\","
                            + "\"detail\":null,\"createdAt\":\"2026-12-01T09:00:00Z\"}]}");
        } else if (path.endsWith("/lookup")) {
            String body =
                    new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
            lookedUp.add(body);
            if (body.contains(ANA)) {
                reply(exchange, 200, ana());
            } else {
                reply(exchange, 404, "");
            }
        } else if (exchange.getRequestMethod().equals("DELETE")) {
            String hash = path.substring(path.lastIndexOf('/') + 1);
            boolean known = hash.equals(ANA_HASH) && !lifted.contains(hash);
            lifted.add(hash);
            reply(exchange, known ? 204 : 404, "");
        } else {
            reply(exchange, 405, "");
        }
    }

    private static String ana() {
        return "{\"addressHash\":\""
                + ANA_HASH
                + "\",\"address\":\"a***@school.example\",\"reason\":\"HARD_BOUNCE\","
                + "\"source\":\"smtp\",\"detail\":\"550 5.1.1 no such user\","
                + "\"createdAt\":\"2026-12-05T18:30:00Z\"}";
    }

    private static void reply(HttpExchange exchange, int status, String json) throws IOException {
        byte[] body = json.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", "application/json");
        exchange.sendResponseHeaders(status, body.length == 0 ? -1 : body.length);
        if (body.length > 0) {
            exchange.getResponseBody().write(body);
        }
        exchange.close();
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
