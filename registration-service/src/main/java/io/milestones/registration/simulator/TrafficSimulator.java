package io.milestones.registration.simulator;

import io.milestones.registration.registration.RegistrationService;
import io.milestones.registration.registration.RegistrationService.NewTeacher;
import java.time.Clock;
import java.util.Random;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;

/**
 * Registers simulated teachers at a steady rate through the same path as the API (registry and
 * outbox), so demos and benchmarks exercise the real pipeline. Starts with the application when
 * enabled; the admin API starts and stops runs.
 */
@Component
class TrafficSimulator implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(TrafficSimulator.class);

    private final RegistrationService registrations;
    private final SimulatorProperties properties;
    private final Clock clock;
    private final Random random;
    private final AtomicLong sent = new AtomicLong();
    private final AtomicLong failed = new AtomicLong();
    private ScheduledExecutorService executor;
    private Run run;
    private String runId;

    TrafficSimulator(
            RegistrationService registrations, SimulatorProperties properties, Clock clock) {
        this.registrations = registrations;
        this.properties = properties;
        this.clock = clock;
        this.random = new Random(properties.seed());
        this.run = new Run(properties.ratePerSecond(), properties.total());
    }

    /**
     * @param ratePerSecond registrations per second
     * @param total registrations before the run stops; 0 for no end
     */
    record Run(double ratePerSecond, long total) {}

    /**
     * @param running a run is going on
     * @param ratePerSecond the rate of the current or last run
     * @param total the total of the current or last run; 0 for no end
     * @param sent registrations made in the current or last run
     * @param failed registrations that failed in it
     */
    record Status(boolean running, double ratePerSecond, long total, long sent, long failed) {}

    /** Starts a run, replacing one that is going on. */
    synchronized Status start(Run next) {
        stopRunning();
        run = next;
        runId = Long.toString(clock.millis(), 36);
        sent.set(0);
        failed.set(0);
        executor =
                Executors.newSingleThreadScheduledExecutor(r -> new Thread(r, "traffic-simulator"));
        long periodMicros = Math.max(1, (long) (1_000_000 / next.ratePerSecond()));
        executor.scheduleAtFixedRate(this::tick, 0, periodMicros, TimeUnit.MICROSECONDS);
        log.info(
                "Traffic simulator started: {}/s, total {}",
                next.ratePerSecond(),
                next.total() == 0 ? "unbounded" : next.total());
        return status();
    }

    synchronized Status status() {
        return new Status(
                executor != null && !executor.isShutdown(),
                run.ratePerSecond(),
                run.total(),
                sent.get(),
                failed.get());
    }

    private void tick() {
        long total = run.total();
        long n = sent.incrementAndGet();
        if (total > 0 && n > total) {
            sent.set(total);
            log.info("Traffic simulator done: {} registrations", total);
            executor.shutdown();
            return;
        }
        NewTeacher teacher = teacher(n);
        try {
            registrations.register(teacher);
            if (random.nextDouble() < properties.duplicateRate()) {
                registrations.register(teacher); // a platform retry: answered, not counted twice
            }
        } catch (RuntimeException e) {
            failed.incrementAndGet();
            log.warn("Simulated registration {} failed: {}", n, e.getClass().getSimpleName());
        }
        if (n % 1000 == 0) {
            log.info("Traffic simulator: {} registrations", n);
        }
    }

    private NewTeacher teacher(long n) {
        var participant = Participants.pick(random);
        String name = participant.names().get(random.nextInt(participant.names().size()));
        String id = "sim-" + runId + "-" + n;
        return new NewTeacher(
                id,
                id + "@example.invalid",
                name + " " + (char) ('A' + random.nextInt(26)) + ".",
                participant.country(),
                participant.language(),
                random.nextDouble() < properties.consentRate(),
                false);
    }

    /** Stops the current run, if any. */
    synchronized Status stopRun() {
        stopRunning();
        return status();
    }

    private void stopRunning() {
        if (executor != null) {
            executor.shutdownNow();
            executor = null;
            log.info("Traffic simulator stopped after {} registrations", sent.get());
        }
    }

    @Override
    public synchronized void start() {
        if (properties.enabled() && executor == null) {
            start(new Run(properties.ratePerSecond(), properties.total()));
        }
    }

    @Override
    public synchronized void stop() {
        stopRunning();
    }

    @Override
    public synchronized boolean isRunning() {
        return executor != null;
    }
}
