package io.milestones.notifier.delivery;

import io.milestones.events.Topics;
import io.milestones.notifier.subscription.Emails;
import io.milestones.notifier.suppression.SuppressionList;
import java.nio.charset.StandardCharsets;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.header.Header;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.kafka.annotation.BackOff;
import org.springframework.kafka.annotation.DltHandler;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.kafka.annotation.RetryableTopic;
import org.springframework.kafka.retrytopic.DltStrategy;
import org.springframework.kafka.retrytopic.TopicSuffixingStrategy;
import org.springframework.kafka.support.KafkaHeaders;
import org.springframework.stereotype.Component;

/**
 * The senders: one consumer group on {@code notification-requests}. Each request is claimed in the
 * deliveries table first, so a redelivered request that was SENT or FAILED is not sent again. Each
 * poll is prepared first ({@link PollPreparation}: addresses, suppressions and claims of the whole
 * poll at once); what was not prepared is checked and claimed here, request by request. Transient
 * failures go to retry topics with exponential back-off (non-blocking: the partition keeps flowing
 * for other recipients), exhausted ones to {@code notification-requests-dlt} and are recorded
 * FAILED; permanent failures are recorded FAILED at once. An e-mail to a suppressed address is
 * never sent: a bounce or complaint may have arrived since the fan-out (or between two attempts);
 * it is recorded SUPPRESSED. Requests name a subscription, not an address: it is resolved here, at
 * send time, and a subscription unsubscribed or erased since the fan-out is skipped (counted as
 * {@code skipped}), never sent.
 */
@Component
class DeliveryListener {

    private static final Logger log = LoggerFactory.getLogger(DeliveryListener.class);

    private final Deliveries deliveries;
    private final SubscriberAddresses addresses;
    private final Map<Channel, ChannelSender> senders = new EnumMap<>(Channel.class);

    private final DeliveryMetrics metrics;
    private final SuppressionList suppressions;
    private final PollPreparation preparation;

    DeliveryListener(
            Deliveries deliveries,
            SubscriberAddresses addresses,
            List<ChannelSender> senders,
            DeliveryMetrics metrics,
            SuppressionList suppressions,
            PollPreparation preparation) {
        this.deliveries = deliveries;
        this.addresses = addresses;
        this.metrics = metrics;
        this.suppressions = suppressions;
        this.preparation = preparation;
        senders.forEach(sender -> this.senders.put(sender.channel(), sender));
    }

    @RetryableTopic(
            attempts = "${milestones.delivery.retry.attempts:6}",
            backOff =
                    @BackOff(
                            delayString = "${milestones.delivery.retry.delay-ms:2000}",
                            multiplierString = "${milestones.delivery.retry.multiplier:3.0}",
                            maxDelayString = "${milestones.delivery.retry.max-delay-ms:300000}"),
            kafkaTemplate = "nonTransactionalTemplate",
            listenerContainerFactory = DeliveryKafkaConfig.FACTORY,
            numPartitions = "${milestones.topics.partitions:6}",
            replicationFactor = "${milestones.topics.replicas:1}",
            dltTopicSuffix = Topics.DLT_SUFFIX,
            // notification-requests-retry-0, -1, ...: names that do not change with the delays.
            topicSuffixingStrategy = TopicSuffixingStrategy.SUFFIX_WITH_INDEX_VALUE,
            dltStrategy = DltStrategy.FAIL_ON_ERROR,
            // Retry and dead-letter topics carry little traffic: one consumer thread each.
            concurrency = "1")
    @KafkaListener(
            id = "notifier-senders",
            topics = Topics.NOTIFICATION_REQUESTS,
            containerFactory = DeliveryKafkaConfig.FACTORY)
    void onRequest(NotificationRequest onTopic) {
        NotificationRequest request = resolve(onTopic);
        if (request == null) {
            metrics.skipped(onTopic.channel());
            log.info(
                    "Skipping {} for subscription {}: unsubscribed or erased",
                    onTopic.milestoneId(),
                    onTopic.subscriptionId());
            return;
        }
        PollPreparation.Prepared prepared = preparation.take(request);
        if (request.channel() == Channel.EMAIL && suppressed(request, prepared)) {
            deliveries.suppressed(request);
            metrics.suppressed(request.channel());
            return;
        }
        boolean claimed =
                prepared != null && prepared.claimed() != null
                        ? prepared.claimed()
                        : deliveries.claim(request);
        if (!claimed) {
            return; // SENT or FAILED before: a redelivery
        }
        ChannelSender sender = senders.get(request.channel());
        try {
            if (sender == null) {
                throw new PermanentDeliveryException(
                        "no sender for channel " + request.channel(), null);
            }
            sender.deliver(request);
            deliveries.sent(request);
            metrics.sent(request.channel());
        } catch (PermanentDeliveryException e) {
            deliveries.failed(request, e.getMessage());
            metrics.failed(request.channel());
            log.warn(
                    "Delivery of {} to {} failed for good: {}",
                    request.milestoneId(),
                    Emails.mask(request.recipient()),
                    Emails.maskAll(e.getMessage()));
        } catch (RuntimeException e) {
            deliveries.retrying(request, e.getMessage());
            metrics.retried(request.channel());
            throw e;
        }
    }

    private boolean suppressed(NotificationRequest request, PollPreparation.Prepared prepared) {
        return prepared != null && prepared.suppressed() != null
                ? prepared.suppressed()
                : suppressions.isSuppressed(request.recipient());
    }

    /** Retries exhausted (or a request that cannot be read): recorded FAILED for ops. */
    @DltHandler
    void onDeadLetter(ConsumerRecord<String, Object> record) {
        NotificationRequest request =
                record.value() instanceof NotificationRequest onTopic ? resolve(onTopic) : null;
        if (request != null) {
            deliveries.failed(request, "retries exhausted: " + header(record));
            metrics.failed(request.channel());
            log.warn(
                    "Delivery of {} to {} dead-lettered after retries",
                    request.milestoneId(),
                    Emails.mask(request.recipient()));
        }
    }

    /**
     * The request with the address to send to: a subscriber's resolved now from the subscriptions
     * table (a version 1 request's own copy is ignored), {@code null} when they are no longer
     * subscribed; a team address or network account as it is.
     */
    private NotificationRequest resolve(NotificationRequest request) {
        if (request.subscriptionId() == null) {
            return request;
        }
        return addresses.address(request.subscriptionId()).map(request::resolvedTo).orElse(null);
    }

    private static String header(ConsumerRecord<String, Object> record) {
        Header header = record.headers().lastHeader(KafkaHeaders.DLT_EXCEPTION_MESSAGE);
        return header == null ? "unknown" : new String(header.value(), StandardCharsets.UTF_8);
    }
}
