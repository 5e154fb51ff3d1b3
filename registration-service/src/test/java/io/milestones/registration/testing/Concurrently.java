package io.milestones.registration.testing;

import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.IntStream;

/** Runs n calls at once (all released together) and returns their results in order. */
public final class Concurrently {

    private Concurrently() {}

    public static <T> List<T> run(int n, java.util.function.IntFunction<T> call)
            throws InterruptedException {
        ExecutorService pool = Executors.newFixedThreadPool(n);
        CountDownLatch start = new CountDownLatch(1);
        try {
            List<Future<T>> futures =
                    IntStream.range(0, n)
                            .mapToObj(
                                    i ->
                                            pool.submit(
                                                    (Callable<T>)
                                                            () -> {
                                                                start.await();
                                                                return call.apply(i);
                                                            }))
                            .toList();
            start.countDown();
            return futures.stream().map(Concurrently::get).toList();
        } finally {
            pool.shutdownNow();
        }
    }

    private static <T> T get(Future<T> future) {
        try {
            return future.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        } catch (ExecutionException e) {
            throw new IllegalStateException(e.getCause());
        }
    }
}
