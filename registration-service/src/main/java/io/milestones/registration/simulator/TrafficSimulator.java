package io.milestones.registration.simulator;

import io.milestones.registration.registration.RegistrationService;
import io.milestones.registration.registration.RegistrationService.NewTeacher;
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
 * Registers simulated teachers at a steady rate through the same path as the API, so demos and
 * benchmarks exercise the real pipeline. Starts with the application when enabled.
 */
@Component
class TrafficSimulator implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(TrafficSimulator.class);

    private final RegistrationService registrations;
    private final SimulatorProperties properties;
    private final AtomicLong sent = new AtomicLong();
    private final Random random;
    private final String runId;
    private ScheduledExecutorService executor;

    TrafficSimulator(RegistrationService registrations, SimulatorProperties properties) {
        this.registrations = registrations;
        this.properties = properties;
        this.random = new Random(properties.seed());
        this.runId = Long.toString(System.currentTimeMillis(), 36);
    }

    @Override
    public synchronized void start() {
        if (!properties.enabled() || executor != null) {
            return;
        }
        executor =
                Executors.newSingleThreadScheduledExecutor(r -> new Thread(r, "traffic-simulator"));
        long periodMicros = Math.max(1, (long) (1_000_000 / properties.ratePerSecond()));
        executor.scheduleAtFixedRate(this::tick, 500_000, periodMicros, TimeUnit.MICROSECONDS);
        log.info(
                "Traffic simulator started: {}/s, total {}",
                properties.ratePerSecond(),
                properties.total() == 0 ? "unbounded" : properties.total());
    }

    private void tick() {
        long n = sent.incrementAndGet();
        if (properties.total() > 0 && n > properties.total()) {
            log.info("Traffic simulator done: {} registrations", properties.total());
            executor.shutdown();
            return;
        }
        NewTeacher teacher = teacher(n);
        try {
            registrations.register(teacher);
            if (random.nextDouble() < properties.duplicateRate()) {
                registrations.register(teacher);
            }
        } catch (RuntimeException e) {
            log.warn("Simulated registration {} failed: {}", n, e.getMessage());
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
                random.nextDouble() < properties.consentRate());
    }

    @Override
    public synchronized void stop() {
        if (executor != null) {
            executor.shutdownNow();
            executor = null;
        }
    }

    @Override
    public synchronized boolean isRunning() {
        return executor != null;
    }
}
