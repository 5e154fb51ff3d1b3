package io.milestones.notifier.delivery;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import org.springframework.stereotype.Component;

/**
 * {@code milestones.deliveries{channel,status}} (sent, failed, suppressed, skipped) and {@code
 * milestones.delivery.retries{channel}}. Tags never carry recipients.
 */
@Component
class DeliveryMetrics {

    private final MeterRegistry meters;

    DeliveryMetrics(MeterRegistry meters) {
        this.meters = meters;
        // Every series exists from start-up at 0, so dashboards and alerts find the metric (and a
        // rate over it) before the first delivery instead of "no data".
        for (Channel channel : Channel.values()) {
            delivery(channel, "sent");
            delivery(channel, "failed");
            delivery(channel, "suppressed");
            delivery(channel, "skipped");
            retries(channel);
        }
    }

    void sent(Channel channel) {
        delivery(channel, "sent").increment();
    }

    void failed(Channel channel) {
        delivery(channel, "failed").increment();
    }

    /** Not sent: the address was suppressed after the fan-out left it in. */
    void suppressed(Channel channel) {
        delivery(channel, "suppressed").increment();
    }

    /** Not sent: the subscription was unsubscribed or erased after the fan-out. */
    void skipped(Channel channel) {
        delivery(channel, "skipped").increment();
    }

    void retried(Channel channel) {
        retries(channel).increment();
    }

    private Counter retries(Channel channel) {
        return Counter.builder("milestones.delivery.retries")
                .description("Delivery attempts that failed transiently and will be retried")
                .tag("channel", channel.name().toLowerCase(java.util.Locale.ROOT))
                .register(meters);
    }

    private Counter delivery(Channel channel, String status) {
        return Counter.builder("milestones.deliveries")
                .description("Deliveries by channel and final status")
                .tag("channel", channel.name().toLowerCase(java.util.Locale.ROOT))
                .tag("status", status)
                .register(meters);
    }
}
