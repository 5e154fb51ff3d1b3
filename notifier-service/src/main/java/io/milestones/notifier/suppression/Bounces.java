package io.milestones.notifier.suppression;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.milestones.notifier.delivery.DeliveryOutcomes;
import io.milestones.notifier.subscription.Emails;
import io.milestones.notifier.subscription.SubscriberDirectory;
import java.time.Clock;
import java.util.Locale;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;

/**
 * Where every bounce and complaint ends, whatever reported it (SMTP reply, bounce mailbox, provider
 * webhook): the delivery row is marked, the metrics counted, and the policy applied — a hard bounce
 * suppresses at once, soft bounces past the threshold within the window, a complaint unsubscribes
 * and suppresses.
 */
@Service
public class Bounces {

    private static final Logger log = LoggerFactory.getLogger(Bounces.class);

    private final SuppressionList suppressions;
    private final SuppressionProperties properties;
    private final DeliveryOutcomes outcomes;
    private final SubscriberDirectory subscribers;
    private final MeterRegistry meters;
    private final Clock clock;

    Bounces(
            SuppressionList suppressions,
            SuppressionProperties properties,
            DeliveryOutcomes outcomes,
            SubscriberDirectory subscribers,
            MeterRegistry meters,
            Clock clock) {
        this.suppressions = suppressions;
        this.properties = properties;
        this.outcomes = outcomes;
        this.subscribers = subscribers;
        this.meters = meters;
        this.clock = clock;
        // The SMTP replies' series exist from start-up at 0, so the deliverability panels and
        // alerts find their metrics before the first bounce.
        complaints("smtp");
        bounces(BounceType.HARD, "smtp");
        bounces(BounceType.SOFT, "smtp");
    }

    public void record(Bounce bounce) {
        if (bounce.milestoneId() != null) {
            outcomes.bounced(bounce.milestoneId(), bounce.address(), bounce.type().name());
        }
        count(bounce);
        switch (bounce.type()) {
            case HARD -> suppress(bounce, SuppressionReason.HARD_BOUNCE);
            case COMPLAINT -> {
                subscribers.unsubscribeAddress(bounce.address());
                suppress(bounce, SuppressionReason.COMPLAINT);
            }
            case SOFT -> {
                String eventId = bounce.eventId() != null ? bounce.eventId() : bounce.milestoneId();
                int recent =
                        suppressions.softBounce(
                                bounce.address(),
                                eventId == null ? clock.instant().toString() : eventId,
                                clock.instant().minus(properties.softBounceWindow()));
                if (recent >= properties.softBounceThreshold()) {
                    suppress(bounce, SuppressionReason.SOFT_BOUNCES);
                }
            }
        }
    }

    private void suppress(Bounce bounce, SuppressionReason reason) {
        if (suppressions.add(bounce.address(), reason, bounce.source(), bounce.detail())) {
            meters.counter("milestones.mail.suppressions", "reason", tag(reason.name()))
                    .increment();
            log.info(
                    "{} suppressed: {} reported by {}",
                    Emails.mask(bounce.address()),
                    reason,
                    bounce.source());
        }
    }

    private void count(Bounce bounce) {
        if (bounce.type() == BounceType.COMPLAINT) {
            complaints(bounce.source()).increment();
        } else {
            bounces(bounce.type(), bounce.source()).increment();
        }
    }

    private Counter complaints(String source) {
        return Counter.builder("milestones.mail.complaints")
                .description("Spam complaints about our e-mails")
                .tag("source", source)
                .register(meters);
    }

    private Counter bounces(BounceType type, String source) {
        return Counter.builder("milestones.mail.bounces")
                .description("Bounced e-mails by type (hard, soft)")
                .tag("type", tag(type.name()))
                .tag("source", source)
                .register(meters);
    }

    private static String tag(String name) {
        return name.toLowerCase(Locale.ROOT);
    }
}
