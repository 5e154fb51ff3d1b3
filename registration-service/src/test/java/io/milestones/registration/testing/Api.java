package io.milestones.registration.testing;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;

/** A small HTTP client for the running service, sending an API key. */
public final class Api {

    private final HttpClient http = HttpClient.newHttpClient();
    private final int port;

    public Api(int port) {
        this.port = port;
    }

    public HttpResponse<String> post(String path, String key, String json, String... headers) {
        var builder =
                request(path, key)
                        .header("Content-Type", "application/json")
                        .POST(HttpRequest.BodyPublishers.ofString(json));
        if (headers.length > 0) {
            builder.headers(headers);
        }
        return send(builder.build());
    }

    public HttpResponse<String> get(String path, String key) {
        return send(request(path, key).GET().build());
    }

    public HttpResponse<String> delete(String path, String key) {
        return send(request(path, key).DELETE().build());
    }

    public HttpResponse<String> send(HttpRequest request) {
        try {
            return http.send(request, HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    public HttpRequest.Builder request(String path, String key) {
        var builder = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path));
        return key == null ? builder : builder.header(TestKeys.HEADER, key);
    }

    /** A registration request body. */
    public static String registration(String teacherId, String email, String country) {
        return """
               {"teacherId":"%s","email":"%s","displayName":"Teacher %s",
                "country":"%s","language":"en","consents":{"milestoneEmails":true}}
               """
                .formatted(teacherId, email, teacherId, country);
    }
}
