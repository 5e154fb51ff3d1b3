package io.milestones.milestone.counting;

import io.milestones.events.CrossedBy;
import io.milestones.events.Scope;
import io.milestones.events.TeacherRegistered;
import java.time.Duration;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.streams.processor.PunctuationType;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.KeyValueStore;

/**
 * Stage one of the two-level global count: each input task sums its distinct registrations in a
 * fault-tolerant store and forwards the partial sum to the one {@code global} key every flush
 * interval, so the hot partition sees one record per task and interval instead of one per
 * registration. The sum carries the registration that closed it, which is named when the sum
 * crosses a threshold. Baseline and live registrations are never summed together, so a baseline
 * import still announces nothing.
 */
final class GlobalPreAggregator implements Processor<String, Gated, String, ScopeIncrement> {

    static final String STORE = "global-pending";
    private static final String KEY = Scope.GLOBAL.id();

    private final Duration flushInterval;
    private ProcessorContext<String, ScopeIncrement> context;
    private KeyValueStore<String, ScopeIncrement> pending;

    GlobalPreAggregator(Duration flushInterval) {
        this.flushInterval = flushInterval;
    }

    @Override
    public void init(ProcessorContext<String, ScopeIncrement> context) {
        this.context = context;
        this.pending = context.getStateStore(STORE);
        context.schedule(flushInterval, PunctuationType.WALL_CLOCK_TIME, now -> flush());
    }

    @Override
    public void process(Record<String, Gated> record) {
        TeacherRegistered registration = record.value().registration();
        ScopeIncrement sum = pending.get(KEY);
        if (sum != null && sum.baseline() != registration.baseline()) {
            flush();
            sum = null;
        }
        long delta = sum == null ? 1 : sum.delta() + 1;
        pending.put(
                KEY,
                new ScopeIncrement(
                        delta,
                        CrossedBy.of(registration),
                        registration.registeredAt(),
                        registration.baseline()));
    }

    private void flush() {
        ScopeIncrement sum = pending.get(KEY);
        if (sum != null) {
            pending.delete(KEY);
            context.forward(
                    new Record<>(KEY, sum, context.currentSystemTimeMs(), new RecordHeaders()));
        }
    }
}
