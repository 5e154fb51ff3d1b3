package io.milestones.notifier.delivery;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.UUID;

/**
 * One delivery to do: a record on {@code notification-requests}. Kept small and free of personal
 * data: the milestone is re-read by id from the archive, and a subscriber's address is resolved by
 * the senders from the subscriptions table at send time, so an erasure or an unsubscription reaches
 * every request still in flight (the topic's retention is no copy of the address). Only the
 * configured team addresses, which belong to no subscriber, travel as they are.
 *
 * <p>Version 2 of the payload leaves {@link #recipient} out when {@link #subscriptionId} is set;
 * version 1 (before issue 14) carried both, and is still read: the address it carries is ignored
 * and resolved like a version 2 request's.
 *
 * @param milestoneId the milestone celebrated
 * @param channel how it is delivered
 * @param recipient on the topic: a configured team address, or the network's account; {@code null}
 *     for a subscriber. Inside the senders, once resolved: the subscriber's address
 * @param language BCP 47 tag of the language to write in
 * @param subscriptionId the subscription it is for, or {@code null} for configured team addresses
 *     (they get no unsubscribe link)
 * @param personal whether the recipient is the teacher who crossed the line
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record NotificationRequest(
        String milestoneId,
        Channel channel,
        String recipient,
        String language,
        UUID subscriptionId,
        boolean personal) {

    /** A request for a subscriber: no address, the senders resolve it when they send. */
    public static NotificationRequest toSubscriber(
            String milestoneId, String language, UUID subscriptionId, boolean personal) {
        return new NotificationRequest(
                milestoneId, Channel.EMAIL, null, language, subscriptionId, personal);
    }

    /** A request for a configured team address (no subscription). */
    public static NotificationRequest toTeam(String milestoneId, String address, String language) {
        return new NotificationRequest(milestoneId, Channel.EMAIL, address, language, null, false);
    }

    /**
     * The record key: the subscription id (so one subscriber's deliveries stay in order and the key
     * names nobody), or the team address / network account.
     */
    public String key() {
        return subscriptionId != null ? subscriptionId.toString() : recipient;
    }

    /** This request with the address the senders resolved; never written back to a topic. */
    NotificationRequest resolvedTo(String address) {
        return new NotificationRequest(
                milestoneId, channel, address, language, subscriptionId, personal);
    }
}
