package io.milestones.milestone.counting;

import io.milestones.events.CrossedBy;
import io.milestones.events.TeacherRegistered;
import io.milestones.milestone.counting.ScopeIncrement.Member;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.streams.processor.PunctuationType;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.KeyValueStore;

/**
 * Stage one of the two-level count (decisions 0202 and 0205): each input task sums its distinct
 * registrations per scope in a fault-tolerant store and forwards each scope's partial sum every
 * flush interval (or every {@value #MAX_SUM} registrations), so the repartition topic and the
 * counting task see one record per scope, task and interval instead of one per registration. A sum
 * lists its registrations in order, so a threshold inside it names exactly the registration that
 * crossed it. Baseline and live registrations are never summed together, so a baseline import still
 * announces nothing. Which scopes are summed is configuration; a sum found in the store for a scope
 * no longer summed (after a change of setting) is still forwarded.
 */
final class PartialSums implements Processor<String, Gated, String, ScopeIncrement> {

    /** The pending sums, keyed by scope id (named when only {@code global} was summed). */
    static final String STORE = "global-pending";

    static final int MAX_SUM = 1000;

    private final Duration flushInterval;
    private final Function<TeacherRegistered, List<String>> scopes;

    /**
     * The pending sums as in the store (which only this processor writes, and which is read once at
     * init), so that a registration costs one cached write per scope and no read.
     */
    private final Map<String, ScopeIncrement> sums = new LinkedHashMap<>();

    /**
     * The registrations of each pending sum. Kept in memory only: the store holds the sum, which is
     * what exactness needs; after a crash or a task move the list is incomplete and the sum then
     * names its last registration.
     */
    private final Map<String, List<Member>> members = new HashMap<>();

    private ProcessorContext<String, ScopeIncrement> context;
    private KeyValueStore<String, ScopeIncrement> pending;

    /**
     * @param flushInterval how often every pending sum is forwarded (wall clock)
     * @param scopes the ids of the scopes a registration is summed in here
     */
    PartialSums(Duration flushInterval, Function<TeacherRegistered, List<String>> scopes) {
        this.flushInterval = flushInterval;
        this.scopes = scopes;
    }

    @Override
    public void init(ProcessorContext<String, ScopeIncrement> context) {
        this.context = context;
        this.pending = context.getStateStore(STORE);
        sums.clear();
        members.clear();
        try (var all = pending.all()) {
            all.forEachRemaining(entry -> sums.put(entry.key, entry.value));
        }
        context.schedule(flushInterval, PunctuationType.WALL_CLOCK_TIME, now -> flushAll());
    }

    @Override
    public void process(Record<String, Gated> record) {
        TeacherRegistered registration = record.value().registration();
        CrossedBy crossedBy = CrossedBy.of(registration);
        var trace = record.headers().lastHeader(ScopeCounter.TRACE_PARENT);
        Member member =
                new Member(
                        crossedBy,
                        registration.registeredAt(),
                        trace == null ? null : new String(trace.value(), StandardCharsets.UTF_8));
        for (String scope : scopes.apply(registration)) {
            ScopeIncrement sum = sums.get(scope);
            if (sum == null) {
                sum = pending.get(scope); // once per sum: nothing else writes the store
            }
            if (sum != null && sum.baseline() != registration.baseline()) {
                flush(scope);
                sum = null;
            }
            long delta = sum == null ? 1 : sum.delta() + 1;
            ScopeIncrement next =
                    new ScopeIncrement(
                            delta,
                            crossedBy,
                            registration.registeredAt(),
                            registration.baseline(),
                            null);
            sums.put(scope, next);
            pending.put(scope, next);
            members.computeIfAbsent(scope, s -> new ArrayList<>()).add(member);
            if (delta >= MAX_SUM) {
                flush(scope);
            }
        }
    }

    private void flushAll() {
        for (String scope : List.copyOf(sums.keySet())) {
            flush(scope);
        }
    }

    private void flush(String scope) {
        ScopeIncrement sum = sums.remove(scope);
        List<Member> listed = members.remove(scope);
        if (sum == null) {
            return;
        }
        pending.delete(scope);
        List<Member> itemized =
                listed != null && listed.size() == sum.delta() ? List.copyOf(listed) : null;
        context.forward(
                new Record<>(
                        scope,
                        new ScopeIncrement(
                                sum.delta(),
                                sum.crossedBy(),
                                sum.registeredAt(),
                                sum.baseline(),
                                itemized),
                        context.currentSystemTimeMs(),
                        new RecordHeaders()));
    }
}
