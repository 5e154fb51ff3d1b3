package io.milestones.notifier.delivery;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.UUID;

/**
 * One delivery to do: a record on {@code notification-requests}, keyed by {@link #recipient}. Kept
 * small: the milestone is re-read by id from the archive, not copied a million times.
 *
 * @param milestoneId the milestone celebrated
 * @param channel how it is delivered
 * @param recipient an e-mail address for {@link Channel#EMAIL}; the network's account otherwise
 * @param language BCP 47 tag of the language to write in
 * @param subscriptionId the subscription it is for, or {@code null} for configured team addresses
 *     (they get no unsubscribe link)
 * @param personal whether the recipient is the teacher who crossed the line (with consent)
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record NotificationRequest(
        String milestoneId,
        Channel channel,
        String recipient,
        String language,
        UUID subscriptionId,
        boolean personal) {}
