package io.milestones.notifier.delivery;

import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.springframework.kafka.listener.RecordInterceptor;

/**
 * Folds a sender thread's SENT marks when its poll has been handled ({@link SentMarks}): the
 * container calls {@link #clearThreadState} on the consumer thread after every poll, the thread the
 * listener marked them on.
 */
class FoldSentMarks implements RecordInterceptor<Object, Object> {

    private final SentMarks marks;

    FoldSentMarks(SentMarks marks) {
        this.marks = marks;
    }

    @Override
    public ConsumerRecord<Object, Object> intercept(
            ConsumerRecord<Object, Object> record, Consumer<Object, Object> consumer) {
        return record;
    }

    @Override
    public void clearThreadState(Consumer<?, ?> consumer) {
        marks.fold();
    }
}
