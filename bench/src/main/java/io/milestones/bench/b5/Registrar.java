package io.milestones.bench.b5;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Registers teachers over HTTP at a steady rate, one request at a time, and records when each
 * teacher's {@code 201 Created} arrived ({@link System#nanoTime()}).
 */
final class Registrar {

    private static final String[] COUNTRIES = {"PL", "IT", "FR", "DE", "ES", "PT", "RO", "GR"};

    private final HttpClient http = HttpClient.newHttpClient();
    private final URI endpoint;
    private final String apiKey;
    private final Map<String, Long> created = new ConcurrentHashMap<>();
    private final AtomicInteger failed = new AtomicInteger();

    Registrar(int port, String apiKey) {
        this.endpoint = URI.create("http://localhost:" + port + "/api/registrations");
        this.apiKey = apiKey;
    }

    /**
     * Registers {@code t-<from>} … {@code t-<from+count-1>} at {@code perSecond}; returns when
     * done.
     */
    void register(int from, int count, int perSecond) throws InterruptedException {
        var done = new CountDownLatch(count);
        var next = new AtomicInteger(from);
        var scheduler = Executors.newSingleThreadScheduledExecutor();
        try {
            scheduler.scheduleAtFixedRate(
                    () -> {
                        if (done.getCount() == 0) {
                            return;
                        }
                        register("t-" + next.getAndIncrement());
                        done.countDown();
                    },
                    0,
                    TimeUnit.SECONDS.toNanos(1) / perSecond,
                    TimeUnit.NANOSECONDS);
            done.await();
        } finally {
            scheduler.shutdownNow();
        }
    }

    private void register(String teacherId) {
        int n = Integer.parseInt(teacherId.substring(2));
        String body =
                """
                {"teacherId":"%s","email":"%s@example.org","displayName":"Teacher %s",
                 "country":"%s","language":"en","consents":{"milestoneEmails":false}}
                """
                        .formatted(teacherId, teacherId, n, COUNTRIES[n % COUNTRIES.length]);
        try {
            int status =
                    http.send(
                                    HttpRequest.newBuilder(endpoint)
                                            .header("Content-Type", "application/json")
                                            .header("X-API-Key", apiKey)
                                            .POST(HttpRequest.BodyPublishers.ofString(body))
                                            .build(),
                                    HttpResponse.BodyHandlers.discarding())
                            .statusCode();
            long now = System.nanoTime();
            if (status == 201) {
                created.put(teacherId, now);
            } else {
                failed.incrementAndGet();
            }
        } catch (Exception e) {
            failed.incrementAndGet();
        }
    }

    /** When the registration of {@code teacherId} was answered 201, or null. */
    Long createdAt(String teacherId) {
        return created.get(teacherId);
    }

    int failed() {
        return failed.get();
    }
}
