package io.milestones.registration.migration;

import io.milestones.events.CloudEvent;
import io.milestones.events.EventJson;
import io.milestones.events.EventSerde;
import io.milestones.events.MilestoneReached;
import io.milestones.events.RegistrationsV1Migration;
import io.milestones.events.Topics;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.Deserializer;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.stereotype.Component;

/**
 * Writes the migration's records with the outbox's producer (idempotent, {@code acks=all}) and
 * waits for each batch to be acknowledged, so a finished migration is on the broker.
 */
@Component
class CopyWriter {

    private final KafkaTemplate<String, byte[]> kafka;
    private final Deserializer<Object> events =
            EventSerde.anyOf(MilestoneReached.class).deserializer();

    CopyWriter(KafkaTemplate<String, byte[]> kafka) {
        this.kafka = kafka;
    }

    void write(List<RegistrationsV1Migration.Output> records, Duration timeout) {
        List<CompletableFuture<?>> sent = new ArrayList<>(records.size());
        for (var out : records) {
            var record =
                    new ProducerRecord<>(
                            out.topic(),
                            out.key(),
                            out.value() == null ? null : EventJson.write(out.value()));
            out.header().writeTo(record.headers());
            sent.add(kafka.send(record));
        }
        await(sent, timeout);
    }

    /**
     * Re-publishes, under the same key and ce_id, the latest value of every milestone that names
     * the crossing teacher, without the name; marked {@link
     * RegistrationsV1Migration#REPUBLISHED_HEADER} so the notifier does not celebrate it again.
     *
     * @return how many were re-published
     */
    long anonymiseMilestones(TopicReader reader, MigrationProperties properties) {
        Map<String, ConsumerRecord<String, byte[]>> latest = new LinkedHashMap<>();
        if (!reader.exists(Topics.MILESTONES)) {
            return 0;
        }
        reader.read(
                Topics.MILESTONES,
                properties.pollTimeout(),
                batch -> batch.forEach(r -> latest.put(r.key(), r)));
        List<CompletableFuture<?>> sent = new ArrayList<>();
        for (var record : latest.values()) {
            if (record.value() == null) {
                continue;
            }
            Object event;
            try {
                event = events.deserialize(record.topic(), record.headers(), record.value());
            } catch (RuntimeException unreadable) {
                continue;
            }
            RegistrationsV1Migration.withoutName(event)
                    .ifPresent(
                            anonymous -> {
                                var out =
                                        new ProducerRecord<>(
                                                Topics.MILESTONES,
                                                record.key(),
                                                EventJson.write(anonymous));
                                CloudEvent.readFrom(record.headers()).writeTo(out.headers());
                                out.headers()
                                        .add(
                                                RegistrationsV1Migration.REPUBLISHED_HEADER,
                                                "anonymised".getBytes(StandardCharsets.UTF_8));
                                sent.add(kafka.send(out));
                            });
        }
        await(sent, properties.sendTimeout());
        return sent.size();
    }

    private static void await(List<CompletableFuture<?>> sent, Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        for (var future : sent) {
            try {
                future.get(Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted while copying", e);
            } catch (ExecutionException | TimeoutException e) {
                throw new IllegalStateException("the broker did not acknowledge the copy: " + e, e);
            }
        }
    }
}
