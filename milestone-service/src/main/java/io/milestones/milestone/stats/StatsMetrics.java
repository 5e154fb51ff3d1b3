package io.milestones.milestone.stats;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.MeterBinder;
import org.springframework.stereotype.Component;

/** {@code milestones.stats.live.connections}: browsers following the statistics page live. */
@Component
class StatsMetrics implements MeterBinder {

    private final StatsStream stream;

    StatsMetrics(StatsStream stream) {
        this.stream = stream;
    }

    @Override
    public void bindTo(MeterRegistry registry) {
        Gauge.builder("milestones.stats.live.connections", stream, StatsStream::subscribers)
                .description("Open server-sent-event connections of the statistics page")
                .register(registry);
    }
}
