package io.milestones.notifier.social;

import io.milestones.events.MilestoneReached;
import java.time.Clock;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Announces each milestone on every enabled network, once per network: a network whose delivery is
 * already {@link SocialDeliveryStatus#POSTED} is skipped, so a redelivered milestone only reaches
 * the networks that still lack the post. Every attempt and outcome is recorded in {@link
 * SocialDeliveries}. One network failing does not keep the others from posting; afterwards the
 * failure is thrown: {@link SocialNetworkUnavailableException} (retry the record) if any network
 * failed transiently, else {@link SocialPostRejectedException} (dead-letter it).
 */
@Component
class SocialAnnouncer {

    private static final Logger log = LoggerFactory.getLogger(SocialAnnouncer.class);

    private final SocialPostComposer composer;
    private final List<SocialPublisher> publishers;
    private final SocialDeliveries deliveries;
    private final CelebrationCard card;
    private final CelebratedMilestones celebrated;
    private final Clock clock;

    SocialAnnouncer(
            SocialPostComposer composer,
            List<SocialPublisher> publishers,
            SocialDeliveries deliveries,
            CelebrationCard card,
            CelebratedMilestones celebrated,
            Clock clock) {
        this.composer = composer;
        this.publishers = publishers;
        this.deliveries = deliveries;
        this.card = card;
        this.celebrated = celebrated;
        this.clock = clock;
    }

    /**
     * Announces {@code milestone} on every enabled network that lacks the post.
     *
     * @throws SocialNetworkUnavailableException when a network failed transiently (retry)
     * @throws SocialPostRejectedException when a network refused it for good (dead-letter)
     */
    void celebrate(MilestoneReached milestone) {
        celebrated.remember(milestone);
        boolean anyAttaches = publishers.stream().anyMatch(SocialPublisher::attachesImage);
        SocialImage image = anyAttaches ? cardOf(milestone) : null;
        RuntimeException failure = null;
        for (SocialPublisher publisher : publishers) {
            try {
                announce(milestone, publisher, image);
            } catch (SocialPostRejectedException | SocialNetworkUnavailableException e) {
                failure = worse(failure, e);
            }
        }
        if (failure != null) {
            throw failure;
        }
    }

    private void announce(
            MilestoneReached milestone, SocialPublisher publisher, SocialImage image) {
        var previous = deliveries.find(milestone.milestoneId(), publisher.network());
        if (previous.filter(d -> d.status() == SocialDeliveryStatus.POSTED).isPresent()) {
            log.debug("{} already on {}", milestone.milestoneId(), publisher.network());
            return;
        }
        int attempts = previous.map(SocialDelivery::attempts).orElse(0) + 1;
        SocialPost post =
                composer.compose(milestone, publisher.network(), publisher.limit())
                        .withImage(publisher.attachesImage() ? image : null);
        record(post, publisher, SocialDeliveryStatus.PENDING, attempts, null, null);
        try {
            PublishedPost published = publisher.publish(post);
            record(post, publisher, SocialDeliveryStatus.POSTED, attempts, published, null);
            log.info(
                    "Milestone {} posted on {}{}",
                    milestone.milestoneId(),
                    publisher.network(),
                    published.alreadyPosted() ? " (the network already had it)" : "");
        } catch (SocialPostRejectedException e) {
            record(post, publisher, SocialDeliveryStatus.FAILED, attempts, null, e.getMessage());
            log.error("Milestone {}: {}", milestone.milestoneId(), e.getMessage());
            throw e;
        } catch (SocialNetworkUnavailableException e) {
            record(post, publisher, SocialDeliveryStatus.PENDING, attempts, null, e.getMessage());
            log.warn("Milestone {}: {}", milestone.milestoneId(), e.getMessage());
            throw e;
        }
    }

    private void record(
            SocialPost post,
            SocialPublisher publisher,
            SocialDeliveryStatus status,
            int attempts,
            PublishedPost published,
            String error) {
        deliveries.record(
                new SocialDelivery(
                        post.milestoneId(),
                        publisher.network(),
                        publisher.account(),
                        status,
                        attempts,
                        published == null ? null : published.postId(),
                        published == null ? null : published.url(),
                        error,
                        clock.instant()));
    }

    /** The card, or none when it cannot be drawn: a picture never holds back the announcement. */
    private SocialImage cardOf(MilestoneReached milestone) {
        try {
            return card.render(milestone);
        } catch (RuntimeException e) {
            log.warn("No celebration card for {}: {}", milestone.milestoneId(), e.toString());
            return null;
        }
    }

    /** A transient failure wins (the record is retried); the others ride along as suppressed. */
    private static RuntimeException worse(RuntimeException current, RuntimeException next) {
        if (current == null) {
            return next;
        }
        if (current instanceof SocialPostRejectedException
                && next instanceof SocialNetworkUnavailableException) {
            next.addSuppressed(current);
            return next;
        }
        current.addSuppressed(next);
        return current;
    }
}
