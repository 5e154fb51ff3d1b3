package io.milestones.milestone.counting;

import io.milestones.events.CloudEvent;
import io.milestones.events.EventType;
import io.milestones.events.MilestoneEvent;
import io.milestones.events.MilestoneReached;
import io.milestones.events.Scope;
import io.milestones.milestone.rules.MilestoneRules;
import io.milestones.milestone.rules.ThresholdRule;
import java.time.Clock;
import java.time.Instant;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.KeyValueStore;

/**
 * Adds increments to one scope's count and emits a {@link MilestoneReached} for every threshold
 * {@code T} with {@code previous < T <= current} above the settled high-water mark. Count, mark and
 * emitted events commit in one exactly-once transaction, so a crash can neither lose nor repeat a
 * milestone.
 */
final class ScopeCounter implements Processor<String, ScopeIncrement, String, MilestoneEvent> {

    static final String STORE = "scope-counts";

    private final MilestoneRules rules;
    private final Clock clock;
    private final String source;
    private ProcessorContext<String, MilestoneEvent> context;
    private KeyValueStore<String, ScopeCount> counts;

    ScopeCounter(MilestoneRules rules, Clock clock, String source) {
        this.rules = rules;
        this.clock = clock;
        this.source = source;
    }

    @Override
    public void init(ProcessorContext<String, MilestoneEvent> context) {
        this.context = context;
        this.counts = context.getStateStore(STORE);
    }

    @Override
    public void process(Record<String, ScopeIncrement> record) {
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
            if (!increment.baseline()) {
                emit(scope, threshold, count, increment);
            }
        }
        Instant last = latest(before.lastEventAt(), increment.registeredAt());
        counts.put(record.key(), new ScopeCount(count, settled, last));
    }

    private void emit(Scope scope, long threshold, long count, ScopeIncrement increment) {
        Instant now = clock.instant();
        String milestoneId = scope.milestoneId(threshold);
        var event =
                new MilestoneReached(
                        milestoneId,
                        scope,
                        threshold,
                        count,
                        increment.registeredAt(),
                        now,
                        increment.crossedBy());
        // ce_id is the milestoneId: one event per milestone, so consumers can de-duplicate on it.
        var headers =
                new CloudEvent(milestoneId, source, EventType.MILESTONE_REACHED, now)
                        .writeTo(new RecordHeaders());
        context.forward(
                new Record<String, MilestoneEvent>(
                        milestoneId, event, now.toEpochMilli(), headers));
    }

    private static Instant latest(Instant a, Instant b) {
        return a == null || (b != null && b.isAfter(a)) ? b : a;
    }
}
