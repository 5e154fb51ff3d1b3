package io.milestones.registration.outbox;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.MeterBinder;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import org.springframework.stereotype.Component;

/**
 * The outbox backlog as gauges: {@code milestones.outbox.backlog} (events waiting) and {@code
 * milestones.outbox.oldest.age} (seconds the oldest has waited). Read at most once a second, so a
 * busy scraper does not load the database. No tags: nothing personal can leak into them.
 */
@Component
class OutboxMetrics implements MeterBinder {

    private static final Duration FRESH_FOR = Duration.ofSeconds(1);

    private final OutboxRows rows;
    private final Clock clock;
    private OutboxRows.Backlog last;
    private Instant readAt = Instant.MIN;

    OutboxMetrics(OutboxRows rows, Clock clock) {
        this.rows = rows;
        this.clock = clock;
    }

    @Override
    public void bindTo(MeterRegistry registry) {
        Gauge.builder("milestones.outbox.backlog", this, m -> m.backlog().events())
                .description("Events written to the outbox and not yet acknowledged by Kafka")
                .baseUnit("events")
                .register(registry);
        Gauge.builder("milestones.outbox.oldest.age", this, OutboxMetrics::oldestAgeSeconds)
                .description("How long the oldest waiting outbox event has waited")
                .baseUnit("seconds")
                .register(registry);
    }

    double oldestAgeSeconds() {
        return backlog()
                .oldest()
                .map(oldest -> Duration.between(oldest, clock.instant()).toMillis() / 1000.0)
                .map(age -> Math.max(0, age))
                .orElse(0.0);
    }

    synchronized OutboxRows.Backlog backlog() {
        Instant now = clock.instant();
        if (last == null || readAt.plus(FRESH_FOR).isBefore(now)) {
            try {
                last = rows.backlog();
                readAt = now;
            } catch (RuntimeException e) {
                return last == null ? new OutboxRows.Backlog(0, java.util.Optional.empty()) : last;
            }
        }
        return last;
    }
}
