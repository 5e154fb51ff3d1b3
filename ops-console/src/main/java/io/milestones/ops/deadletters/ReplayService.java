package io.milestones.ops.deadletters;

import io.milestones.ops.audit.ReplayAudit;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.Header;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.stereotype.Service;

/**
 * Sends selected dead letters back to the topic they failed on — key, headers (minus the {@code
 * kafka_dlt-*} ones) and value unchanged unless ops supplied a corrected value — and records each
 * replay in the audit log. A dead letter is replayed once unless {@code force} says otherwise.
 */
@Service
class ReplayService {

    private static final Logger log = LoggerFactory.getLogger(ReplayService.class);
    static final String REPLAYED_FROM = "milestones_replayed-from";

    private final DeadLetterReader reader;
    private final KafkaTemplate<byte[], byte[]> kafka;
    private final ReplayAudit audit;
    private final Clock clock;

    ReplayService(
            DeadLetterReader reader,
            KafkaTemplate<byte[], byte[]> replayTemplate,
            ReplayAudit audit,
            Clock clock) {
        this.reader = reader;
        this.kafka = replayTemplate;
        this.audit = audit;
        this.clock = clock;
    }

    List<ReplayResult> replay(String deadLetterTopic, ReplayRequest request, String actor) {
        List<ReplayResult> results = new ArrayList<>();
        for (ReplayRequest.Selected selected : request.records()) {
            if (!request.forced()
                    && audit.replayed(deadLetterTopic, selected.partition(), selected.offset())) {
                results.add(ReplayResult.skipped(selected, ReplayResult.Outcome.ALREADY_REPLAYED));
                continue;
            }
            results.add(
                    reader.find(deadLetterTopic, selected.partition(), selected.offset())
                            .map(
                                    record ->
                                            send(
                                                    deadLetterTopic,
                                                    record,
                                                    selected,
                                                    request.reason(),
                                                    actor))
                            .orElseGet(
                                    () ->
                                            ReplayResult.skipped(
                                                    selected, ReplayResult.Outcome.NOT_FOUND)));
        }
        return results;
    }

    private ReplayResult send(
            String deadLetterTopic,
            ConsumerRecord<byte[], byte[]> dead,
            ReplayRequest.Selected selected,
            String reason,
            String actor) {
        String target = DeadLetterHeaders.text(dead.headers(), DeadLetterHeaders.ORIGINAL_TOPIC);
        if (target == null) {
            target = deadLetterTopic.replaceFirst("-dlt$", "");
        }
        byte[] value =
                selected.value() == null
                        ? dead.value()
                        : selected.value().getBytes(StandardCharsets.UTF_8);
        var record = new ProducerRecord<>(target, dead.key(), value);
        for (Header header : dead.headers()) {
            if (!header.key().startsWith(DeadLetterHeaders.PREFIX)) {
                record.headers().add(header);
            }
        }
        record.headers()
                .add(
                        REPLAYED_FROM,
                        (deadLetterTopic + "/" + dead.partition() + "/" + dead.offset())
                                .getBytes(StandardCharsets.UTF_8));
        try {
            var sent = kafka.send(record).get(30, TimeUnit.SECONDS).getRecordMetadata();
            audit.record(
                    new ReplayAudit.Entry(
                            clock.instant(),
                            actor,
                            deadLetterTopic,
                            dead.partition(),
                            dead.offset(),
                            target,
                            sent.partition(),
                            sent.offset(),
                            selected.value() != null,
                            reason));
            log.info(
                    "Replayed {}/{}/{} to {}/{}/{} (value {})",
                    deadLetterTopic,
                    dead.partition(),
                    dead.offset(),
                    target,
                    sent.partition(),
                    sent.offset(),
                    selected.value() == null ? "unchanged" : "corrected");
            return new ReplayResult(
                    dead.partition(),
                    dead.offset(),
                    ReplayResult.Outcome.REPLAYED,
                    target,
                    sent.partition(),
                    sent.offset());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new io.milestones.ops.topics.KafkaUnavailableException(e);
        } catch (ExecutionException | TimeoutException e) {
            throw new io.milestones.ops.topics.KafkaUnavailableException(e);
        }
    }
}
