package io.milestones.chain.log;

import io.milestones.events.ChainPostDeleted;
import io.milestones.events.ChainPostObserved;
import io.milestones.events.CloudEvent;
import io.milestones.events.EventJson;
import io.milestones.events.EventType;
import io.milestones.events.Topics;
import java.time.Clock;
import java.util.List;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.stereotype.Component;

/**
 * Writes a batch of chain events and the stream position that covers them in one Kafka transaction:
 * after a crash either both are on the topics or neither, so a restart resumes from the position
 * with every earlier post already written (docs/decisions/0700).
 */
@Component
public class ChainLog {

    static final String SOURCE = "/chain-service";

    private final KafkaTemplate<String, byte[]> kafka;
    private final ChainState state;
    private final Clock clock;

    ChainLog(KafkaTemplate<String, byte[]> kafka, ChainState state, Clock clock) {
        this.kafka = kafka;
        this.state = state;
        this.clock = clock;
    }

    /** Commits {@code events} and the cursor; throws if the transaction did not commit. */
    public void commit(List<Object> events, ChainCursor cursor) {
        kafka.executeInTransaction(
                ops -> {
                    for (Object event : events) {
                        ops.send(record(event));
                    }
                    if (cursor != null && cursor.position() != null) {
                        ops.send(Topics.CHAIN_CURSORS, cursor.stream(), EventJson.write(cursor));
                    }
                    return null;
                });
        events.forEach(state::committed);
    }

    private ProducerRecord<String, byte[]> record(Object event) {
        String key;
        String id;
        if (event instanceof ChainPostObserved post) {
            key = post.author();
            id = post.eventId();
        } else if (event instanceof ChainPostDeleted deleted) {
            key = deleted.author();
            id = deleted.eventId();
        } else {
            throw new IllegalArgumentException("not a chain event: " + event.getClass());
        }
        var record =
                new ProducerRecord<String, byte[]>(
                        Topics.SOCIAL_CHAIN, key, EventJson.write(event));
        new CloudEvent(id, SOURCE, EventType.of(event), clock.instant()).writeTo(record.headers());
        return record;
    }
}
