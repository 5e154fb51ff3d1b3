package io.milestones.milestone.counting;

import io.milestones.events.CrossedBy;
import io.milestones.events.Scope;
import io.milestones.events.TeacherRegistered;
import io.milestones.milestone.counting.ScopeIncrement.Member;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.streams.processor.PunctuationType;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.KeyValueStore;

/**
 * Stage one of the two-level global count: each input task sums its distinct registrations in a
 * fault-tolerant store and forwards the partial sum to the one {@code global} key every flush
 * interval (or every {@value #MAX_SUM} registrations), so the hot partition sees one record per
 * task and interval instead of one per registration. The sum lists its registrations in order, so a
 * threshold inside it names exactly the registration that crossed it. Baseline and live
 * registrations are never summed together, so a baseline import still announces nothing.
 */
final class GlobalPreAggregator implements Processor<String, Gated, String, ScopeIncrement> {

    static final String STORE = "global-pending";
    static final int MAX_SUM = 1000;
    private static final String KEY = Scope.GLOBAL.id();

    private final Duration flushInterval;

    /**
     * The registrations of the pending sum. Kept in memory only: the store holds the sum, which is
     * what exactness needs; after a crash or a task move the list is incomplete and the sum then
     * names its last registration.
     */
    private final List<Member> members = new ArrayList<>();

    private ProcessorContext<String, ScopeIncrement> context;
    private KeyValueStore<String, ScopeIncrement> pending;

    GlobalPreAggregator(Duration flushInterval) {
        this.flushInterval = flushInterval;
    }

    @Override
    public void init(ProcessorContext<String, ScopeIncrement> context) {
        this.context = context;
        this.pending = context.getStateStore(STORE);
        members.clear();
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
        CrossedBy crossedBy = CrossedBy.of(registration);
        pending.put(
                KEY,
                new ScopeIncrement(
                        delta,
                        crossedBy,
                        registration.registeredAt(),
                        registration.baseline(),
                        null));
        var trace = record.headers().lastHeader(ScopeCounter.TRACE_PARENT);
        members.add(
                new Member(
                        crossedBy,
                        registration.registeredAt(),
                        trace == null ? null : new String(trace.value(), StandardCharsets.UTF_8)));
        if (delta >= MAX_SUM) {
            flush();
        }
    }

    private void flush() {
        ScopeIncrement sum = pending.get(KEY);
        if (sum != null) {
            pending.delete(KEY);
            List<Member> itemized = members.size() == sum.delta() ? List.copyOf(members) : null;
            context.forward(
                    new Record<>(
                            KEY,
                            new ScopeIncrement(
                                    sum.delta(),
                                    sum.crossedBy(),
                                    sum.registeredAt(),
                                    sum.baseline(),
                                    itemized),
                            context.currentSystemTimeMs(),
                            new RecordHeaders()));
        }
        members.clear();
    }
}
