package io.milestones.notifier.delivery;

import io.milestones.events.Topics;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.consumer.ConsumerInterceptor;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;

/**
 * A Kafka consumer interceptor on the senders' consumers: sees each poll's requests before the
 * listener gets them one by one, and has {@link PollPreparation} prepare them at once (addresses,
 * suppressions, and on the main topic the claims). Kafka creates it; the Spring bean comes through
 * the consumer configuration under {@link #PREPARATION} (a consumer without it does not start). A
 * failed preparation costs nothing but speed (Kafka logs it): each request is then resolved,
 * checked and claimed on its own.
 */
public class PreparePolls implements ConsumerInterceptor<Object, Object> {

    /** The consumer configuration entry holding the {@link PollPreparation} bean. */
    static final String PREPARATION = "milestones.delivery.poll-preparation";

    private PollPreparation preparation;

    @Override
    public void configure(Map<String, ?> configs) {
        if (!(configs.get(PREPARATION) instanceof PollPreparation bean)) {
            // loud, not a silent fall-back to several statements per message
            throw new IllegalStateException("consumer configuration lacks " + PREPARATION);
        }
        preparation = bean;
    }

    @Override
    public ConsumerRecords<Object, Object> onConsume(ConsumerRecords<Object, Object> records) {
        List<NotificationRequest> fresh = new ArrayList<>();
        List<NotificationRequest> retried = new ArrayList<>();
        for (ConsumerRecord<Object, Object> record : records) {
            if (record.value() instanceof NotificationRequest request) {
                (Topics.NOTIFICATION_REQUESTS.equals(record.topic()) ? fresh : retried)
                        .add(request);
            }
        }
        if (!fresh.isEmpty()) {
            preparation.prepare(fresh, true);
        }
        if (!retried.isEmpty()) {
            preparation.prepare(retried, false);
        }
        return records;
    }

    @Override
    public void onCommit(Map<TopicPartition, OffsetAndMetadata> offsets) {}

    @Override
    public void close() {}
}
