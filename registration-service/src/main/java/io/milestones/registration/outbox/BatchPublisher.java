package io.milestones.registration.outbox;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.kafka.support.SendResult;
import org.springframework.stereotype.Component;

/**
 * Sends a batch of outbox events (idempotent producer, {@code acks=all}: see the settings file) and
 * tells which the broker acknowledged.
 */
@Component
class BatchPublisher {

    private final KafkaTemplate<String, byte[]> kafka;
    private final TraceParents traces;

    BatchPublisher(KafkaTemplate<String, byte[]> kafka, TraceParents traces) {
        this.kafka = kafka;
        this.traces = traces;
    }

    /**
     * @return the ids of the acknowledged events; the others failed or did not answer in time
     */
    List<Long> publish(List<PendingEvent> batch, Duration timeout) throws InterruptedException {
        List<CompletableFuture<SendResult<String, byte[]>>> sent = new ArrayList<>(batch.size());
        for (PendingEvent event : batch) {
            sent.add(send(event));
        }
        long deadline = System.nanoTime() + timeout.toNanos();
        List<Long> acknowledged = new ArrayList<>(batch.size());
        for (int i = 0; i < batch.size(); i++) {
            try {
                long left = Math.max(0, deadline - System.nanoTime());
                sent.get(i).get(left, TimeUnit.NANOSECONDS);
                acknowledged.add(batch.get(i).id());
            } catch (ExecutionException | TimeoutException e) {
                // stays in the outbox; the next round sends it again with the same ce_id
            }
        }
        return acknowledged;
    }

    private CompletableFuture<SendResult<String, byte[]>> send(PendingEvent event) {
        var record = new ProducerRecord<>(event.topic(), event.key(), event.payload());
        event.cloudEvent().writeTo(record.headers());
        try {
            // the send's span continues the trace of the request that accepted the registration
            return traces.continuing(event.traceParent(), "outbox relay", () -> kafka.send(record));
        } catch (RuntimeException e) {
            return CompletableFuture.failedFuture(e);
        }
    }
}
