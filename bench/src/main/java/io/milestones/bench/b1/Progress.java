package io.milestones.bench.b1;

import io.milestones.bench.Bench;
import java.util.Locale;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.LongSupplier;

/** Prints a running count every few seconds while a run lasts (progress, and where time goes). */
public final class Progress implements AutoCloseable {

    private final ScheduledExecutorService timer =
            Executors.newSingleThreadScheduledExecutor(
                    r -> {
                        Thread t = new Thread(r, "bench-progress");
                        t.setDaemon(true);
                        return t;
                    });

    public Progress(String what, LongSupplier count, int everySeconds) {
        long start = System.nanoTime();
        timer.scheduleAtFixedRate(
                () ->
                        Bench.out.printf(
                                Locale.ROOT,
                                "     … %,d %s after %.0f s%n",
                                count.getAsLong(),
                                what,
                                (System.nanoTime() - start) / 1e9),
                everySeconds,
                everySeconds,
                TimeUnit.SECONDS);
    }

    @Override
    public void close() {
        timer.shutdownNow();
    }
}
