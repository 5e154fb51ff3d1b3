package io.milestones.notifier.delivery;

import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerInterceptor;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;

/**
 * A Kafka consumer interceptor on the senders' consumers: sees each poll's requests before the
 * listener gets them one by one, and resolves all their subscriptions in one look-up ({@link
 * SubscriberAddresses#prefetch}). Kafka creates it; the Spring bean comes through the consumer
 * configuration under {@link #ADDRESSES} (a consumer without it does not start). A failed look-up
 * costs nothing but speed (Kafka logs it): each request then resolves on its own.
 */
public class PrefetchAddresses implements ConsumerInterceptor<Object, Object> {

    /** The consumer configuration entry holding the {@link SubscriberAddresses} bean. */
    static final String ADDRESSES = "milestones.delivery.subscriber-addresses";

    private SubscriberAddresses addresses;

    @Override
    public void configure(Map<String, ?> configs) {
        if (!(configs.get(ADDRESSES) instanceof SubscriberAddresses bean)) {
            // loud, not a silent fall-back to one query per message
            throw new IllegalStateException("consumer configuration lacks " + ADDRESSES);
        }
        addresses = bean;
    }

    @Override
    public ConsumerRecords<Object, Object> onConsume(ConsumerRecords<Object, Object> records) {
        Set<UUID> ids = new LinkedHashSet<>();
        for (ConsumerRecord<Object, Object> record : records) {
            if (record.value() instanceof NotificationRequest request
                    && request.subscriptionId() != null) {
                ids.add(request.subscriptionId());
            }
        }
        addresses.prefetch(ids);
        return records;
    }

    @Override
    public void onCommit(Map<TopicPartition, OffsetAndMetadata> offsets) {}

    @Override
    public void close() {}
}
