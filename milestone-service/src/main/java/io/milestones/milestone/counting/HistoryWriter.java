package io.milestones.milestone.counting;

import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.KeyValueStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Keeps the latest event of each milestone from the {@code milestones} topic (global store). */
final class HistoryWriter implements Processor<String, byte[], Void, Void> {

    private static final Logger log = LoggerFactory.getLogger(HistoryWriter.class);

    private KeyValueStore<String, byte[]> store;

    @Override
    public void init(ProcessorContext<Void, Void> context) {
        store = context.getStateStore(MilestoneHistory.STORE);
    }

    @Override
    public void process(Record<String, byte[]> record) {
        if (record.key() == null) {
            return;
        }
        if (record.value() == null) {
            store.delete(record.key()); // a tombstone: forget it (ops, to announce it again)
            return;
        }
        try {
            MilestoneHistory.decode(record.value());
        } catch (RuntimeException e) {
            log.warn(
                    "Ignoring a record on milestones that is no milestone event: {}", e.toString());
            return;
        }
        store.put(record.key(), record.value());
    }
}
