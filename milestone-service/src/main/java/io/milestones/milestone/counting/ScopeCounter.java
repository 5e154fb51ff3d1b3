package io.milestones.milestone.counting;

import io.milestones.events.CloudEvent;
import io.milestones.events.EventType;
import io.milestones.events.MilestoneApproaching;
import io.milestones.events.MilestoneEvent;
import io.milestones.events.MilestoneReached;
import io.milestones.events.Scope;
import io.milestones.milestone.rules.Approach;
import io.milestones.milestone.rules.MilestoneRules;
import io.milestones.milestone.rules.ThresholdRule;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.header.internals.RecordHeader;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.streams.processor.PunctuationType;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.KeyValueStore;

/**
 * Adds increments to one scope's count and emits a {@link MilestoneReached} for every threshold
 * {@code T} with {@code previous < T <= current} above the settled high-water mark, and a {@link
 * MilestoneApproaching} for every configured fraction of an upcoming threshold the count passed.
 * Count, mark and emitted events commit in one exactly-once transaction, so a crash can neither
 * lose nor repeat a milestone; the {@link MilestoneHistory} stops a re-count after a reset from
 * announcing again. Changed counts are published now and then to {@code milestone-counts}.
 */
final class ScopeCounter implements Processor<String, ScopeIncrement, String, CounterOutput> {

    static final String STORE = "scope-counts";

    private final MilestoneRules rules;
    private final Clock clock;
    private final String source;
    private final Duration publishInterval;
    static final String TRACE_PARENT = "traceparent";

    private Header traceParent;
    private ProcessorContext<String, CounterOutput> context;
    private KeyValueStore<String, ScopeCount> counts;
    private MilestoneHistory history;
    private CountPublisher publisher;

    ScopeCounter(MilestoneRules rules, Clock clock, String source, Duration publishInterval) {
        this.rules = rules;
        this.clock = clock;
        this.source = source;
        this.publishInterval = publishInterval;
    }

    @Override
    public void init(ProcessorContext<String, CounterOutput> context) {
        this.context = context;
        this.counts = context.getStateStore(STORE);
        this.history = new MilestoneHistory(context.getStateStore(MilestoneHistory.STORE));
        this.publisher = new CountPublisher(context, counts);
        context.schedule(
                publishInterval,
                PunctuationType.WALL_CLOCK_TIME,
                now -> publisher.publish(clock.millis()));
    }

    @Override
    public void process(Record<String, ScopeIncrement> record) {
        // The registration's trace (W3C traceparent) continues in the milestones it crosses.
        traceParent = record.headers().lastHeader(TRACE_PARENT);
        Scope scope = Scope.fromId(record.key());
        ScopeIncrement increment = record.value();
        ScopeCount before = counts.get(record.key());
        if (before == null) {
            before = ScopeCount.ZERO;
        }
        long count = before.count() + increment.delta();
        ThresholdRule rule = rules.ruleFor(scope);
        long settled = before.settledUpTo();
        for (long threshold : rule.crossed(Math.max(before.count(), settled), count).toArray()) {
            settled = threshold;
            if (!increment.baseline() && !history.reached(scope.milestoneId(threshold))) {
                long index = threshold - before.count() - 1;
                reached(
                        scope,
                        threshold,
                        countAt(before, increment, index, count),
                        increment.member(index));
            }
        }
        EventRate rate = before.rate();
        if (!increment.baseline()) {
            approaching(scope, rule, before, increment, count);
            rate = rated(rate, increment);
        }
        counts.put(record.key(), new ScopeCount(count, settled, latest(before, increment), rate));
        publisher.changed(record.key());
    }

    private void approaching(
            Scope scope,
            ThresholdRule rule,
            ScopeCount before,
            ScopeIncrement increment,
            long count) {
        for (double fraction : rules.approachFractions()) {
            for (long threshold :
                    Approach.crossed(rule, fraction, before.count(), count).toArray()) {
                String milestoneId = scope.milestoneId(threshold);
                if (!history.approached(milestoneId, fraction)) {
                    Instant now = clock.instant();
                    long index = Approach.point(threshold, fraction) - before.count() - 1;
                    var event =
                            new MilestoneApproaching(
                                    milestoneId,
                                    scope,
                                    threshold,
                                    countAt(before, increment, index, count),
                                    fraction,
                                    now);
                    // one event per (milestone, fraction): its id says both
                    emit(event, milestoneId + "@" + fraction, EventType.MILESTONE_APPROACHING, now);
                }
            }
        }
    }

    private void reached(Scope scope, long threshold, long count, ScopeIncrement.Member crossedBy) {
        Instant now = clock.instant();
        String milestoneId = scope.milestoneId(threshold);
        var event =
                new MilestoneReached(
                        milestoneId,
                        scope,
                        threshold,
                        count,
                        crossedBy.registeredAt(),
                        now,
                        crossedBy.crossedBy());
        if (crossedBy.traceParent() != null) {
            // within a partial sum: the trace of exactly the registration that crossed
            traceParent =
                    new RecordHeader(
                            TRACE_PARENT, crossedBy.traceParent().getBytes(StandardCharsets.UTF_8));
        }
        // ce_id is the milestoneId: one event per milestone, so consumers can de-duplicate on it.
        emit(event, milestoneId, EventType.MILESTONE_REACHED, now);
    }

    private void emit(MilestoneEvent event, String ceId, EventType type, Instant now) {
        var headers = new CloudEvent(ceId, source, type, now).writeTo(new RecordHeaders());
        if (traceParent != null) {
            headers.add(traceParent);
        }
        context.forward(
                new Record<>(
                        event.milestoneId(), CounterOutput.of(event), now.toEpochMilli(), headers));
    }

    /**
     * The count right after the {@code index}-th registration of the increment: exact for single
     * and itemized increments, the count after the whole jump otherwise.
     */
    private static long countAt(
            ScopeCount before, ScopeIncrement increment, long index, long count) {
        return increment.delta() == 1 || increment.itemized() ? before.count() + index + 1 : count;
    }

    private static EventRate rated(EventRate rate, ScopeIncrement increment) {
        if (!increment.itemized()) {
            return rate.add(increment.registeredAt(), increment.delta());
        }
        return rate.addEach(
                increment.members().stream().map(ScopeIncrement.Member::registeredAt).toList());
    }

    /** The latest event time counted, late registrations included. */
    private static Instant latest(ScopeCount before, ScopeIncrement increment) {
        Instant last = before.lastEventAt();
        if (increment.itemized()) {
            for (ScopeIncrement.Member member : increment.members()) {
                last = later(last, member.registeredAt());
            }
            return last;
        }
        return later(last, increment.registeredAt());
    }

    private static Instant later(Instant a, Instant b) {
        return a == null || (b != null && b.isAfter(a)) ? b : a;
    }
}
