package io.milestones.notifier.delivery;

/** Delivers requests of one channel. */
public interface ChannelSender {

    Channel channel();

    /**
     * Delivers {@code request}; returning means the channel accepted it.
     *
     * @throws TransientDeliveryException when a later attempt may succeed
     * @throws PermanentDeliveryException when no attempt will
     */
    void deliver(NotificationRequest request);
}
