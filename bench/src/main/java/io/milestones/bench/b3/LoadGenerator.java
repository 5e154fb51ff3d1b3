package io.milestones.bench.b3;

import io.milestones.bench.Latencies;
import java.io.IOException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;

/**
 * Closed-loop HTTP load: a fixed number of workers, each sending its next request as soon as the
 * previous one was answered, for a fixed time. Runs in the benchmark's JVM, beside the service.
 */
public final class LoadGenerator {

    private final HttpClient http =
            HttpClient.newBuilder()
                    .version(HttpClient.Version.HTTP_1_1)
                    .connectTimeout(Duration.ofSeconds(10))
                    .build();
    private final int workers;

    public LoadGenerator(int workers) {
        this.workers = workers;
    }

    /**
     * @param requests requests/s, latency percentiles and the answers that were not 2xx
     */
    public record Result(long requests, long errors, double seconds, Latencies latencies) {
        public double perSecond() {
            return requests / seconds;
        }
    }

    /** Sends {@code requests} from every worker until {@code duration} passed. */
    public Result run(Duration duration, Supplier<HttpRequest> requests)
            throws InterruptedException {
        Latencies latencies = new Latencies();
        AtomicLong errors = new AtomicLong();
        long start = System.nanoTime();
        long end = start + duration.toNanos();
        List<Thread> threads = new ArrayList<>();
        for (int i = 0; i < workers; i++) {
            Thread t =
                    new Thread(
                            () -> {
                                while (System.nanoTime() < end) {
                                    HttpRequest request = requests.get();
                                    long sent = System.nanoTime();
                                    try {
                                        int status =
                                                http.send(
                                                                request,
                                                                HttpResponse.BodyHandlers
                                                                        .discarding())
                                                        .statusCode();
                                        latencies.record(sent, System.nanoTime());
                                        if (status / 100 != 2) {
                                            errors.incrementAndGet();
                                        }
                                    } catch (IOException e) {
                                        errors.incrementAndGet();
                                    } catch (InterruptedException e) {
                                        Thread.currentThread().interrupt();
                                        return;
                                    }
                                }
                            },
                            "load-" + i);
            threads.add(t);
            t.start();
        }
        for (Thread t : threads) {
            t.join();
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        return new Result(latencies.count(), errors.get(), seconds, latencies);
    }
}
