package io.milestones.notifier.social;

import io.milestones.events.MilestoneReached;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Announces each milestone on every enabled network, once per network: a network whose delivery is
 * already {@link SocialDeliveryStatus#POSTED} is skipped, so a redelivered milestone only reaches
 * the networks that still lack the post. Every attempt and outcome is recorded in {@link
 * SocialDeliveries}. One network failing does not keep the others from posting; afterwards the
 * failure is thrown: {@link SocialNetworkUnavailableException} (retry the record) if any network
 * failed transiently, else {@link SocialPostRejectedException} (dead-letter it).
 *
 * <p>A network whose publishing limit is used up ({@link PublishingLimitReachedException}) is no
 * failure of the record: its delivery stays {@code PENDING} (last error {@link
 * WaitingPosts#MARKER}…) and the post waits in {@link WaitingPosts}, re-checked with a bounded
 * back-off until the window has a free slot, then published once; a restart finds the row again
 * ({@link #resumeWaiting()}). Decision 0406.
 */
@Component
class SocialAnnouncer {

    private static final Logger log = LoggerFactory.getLogger(SocialAnnouncer.class);

    private final SocialPostComposer composer;
    private final List<SocialPublisher> publishers;
    private final SocialDeliveries deliveries;
    private final CelebrationCard card;
    private final CelebratedMilestones celebrated;
    private final WaitingPosts waiting;
    private final Clock clock;

    SocialAnnouncer(
            SocialPostComposer composer,
            List<SocialPublisher> publishers,
            SocialDeliveries deliveries,
            CelebrationCard card,
            CelebratedMilestones celebrated,
            WaitingPosts waiting,
            Clock clock) {
        this.composer = composer;
        this.publishers = publishers;
        this.deliveries = deliveries;
        this.card = card;
        this.celebrated = celebrated;
        this.waiting = waiting;
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
            if (waiting.isWaiting(milestone.milestoneId(), publisher.network())) {
                log.debug("{} waits for {}'s window", milestone.milestoneId(), publisher.network());
                continue;
            }
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
        } catch (PublishingLimitReachedException e) {
            var wait = new Wait(milestone, publisher);
            Duration pause = wait.pause(e);
            record(
                    post,
                    publisher,
                    SocialDeliveryStatus.PENDING,
                    attempts,
                    null,
                    wait.why(e, pause));
            if (waiting.schedule(milestone.milestoneId(), publisher.network(), pause, wait)) {
                log.info(
                        "Milestone {} waits for {}: {}",
                        milestone.milestoneId(),
                        publisher.network(),
                        wait.why(e, pause));
            }
        } catch (SocialNetworkUnavailableException e) {
            record(post, publisher, SocialDeliveryStatus.PENDING, attempts, null, e.getMessage());
            log.warn("Milestone {}: {}", milestone.milestoneId(), e.getMessage());
            throw e;
        }
    }

    /**
     * At start-up: every post a previous run left waiting for a publishing window (its delivery
     * {@code PENDING} with the {@link WaitingPosts#MARKER}) waits again, its limit checked at once.
     */
    @EventListener(ApplicationReadyEvent.class)
    void resumeWaiting() {
        for (SocialPublisher publisher : publishers) {
            for (String milestoneId :
                    deliveries.pending(publisher.network(), WaitingPosts.MARKER)) {
                Optional<MilestoneReached> milestone =
                        celebrated.find(milestoneId).or(() -> waiting.milestone(milestoneId));
                if (milestone.isEmpty()) {
                    log.warn(
                            "{} waited for {} but is not in the archive; replay it from {}",
                            milestoneId,
                            publisher.network(),
                            "milestones-dlt or the milestones topic");
                    continue;
                }
                celebrated.remember(milestone.get());
                if (waiting.schedule(
                        milestoneId,
                        publisher.network(),
                        Duration.ZERO,
                        new Wait(milestone.get(), publisher))) {
                    log.info("Milestone {} waits again for {}", milestoneId, publisher.network());
                }
            }
        }
    }

    /**
     * One waiting post, tried on the waiting thread: re-reads its delivery (posted meanwhile →
     * done), claims it (another process resumed it → done), publishes; a limit still used up or a
     * network still down → the next pause, longer each time; a rejection → FAILED.
     */
    private final class Wait implements java.util.function.Supplier<Duration> {

        private final MilestoneReached milestone;
        private final SocialPublisher publisher;
        private int check = 1;

        Wait(MilestoneReached milestone, SocialPublisher publisher) {
            this.milestone = milestone;
            this.publisher = publisher;
        }

        Duration pause(SocialNetworkUnavailableException e) {
            Duration window = e instanceof PublishingLimitReachedException l ? l.window() : null;
            return waiting.properties().pause(check, window);
        }

        String why(SocialNetworkUnavailableException e, Duration pause) {
            return WaitingPosts.MARKER
                    + e.getMessage()
                    + "; next check in "
                    + pause.toString().substring(2).toLowerCase(Locale.ROOT);
        }

        @Override
        public Duration get() {
            String id = milestone.milestoneId();
            var previous = deliveries.find(id, publisher.network());
            if (previous.isEmpty() || previous.get().status() != SocialDeliveryStatus.PENDING) {
                return null;
            }
            int attempts = previous.get().attempts() + 1;
            SocialImage image = publisher.attachesImage() ? cardOf(milestone) : null;
            SocialPost post =
                    composer.compose(milestone, publisher.network(), publisher.limit())
                            .withImage(image);
            // the marker stays while the attempt runs: a crash now leaves the row to resume
            String checking = WaitingPosts.MARKER + "checking again (attempt " + attempts + ")";
            if (!deliveries.claim(
                    delivery(
                            post,
                            publisher,
                            SocialDeliveryStatus.PENDING,
                            attempts,
                            null,
                            checking),
                    previous.get().attempts())) {
                log.info("{} on {}: resumed by another process", id, publisher.network());
                return null;
            }
            try {
                PublishedPost published = publisher.publish(post);
                record(post, publisher, SocialDeliveryStatus.POSTED, attempts, published, null);
                log.info("Milestone {} posted on {} after waiting", id, publisher.network());
                return null;
            } catch (SocialPostRejectedException e) {
                record(
                        post,
                        publisher,
                        SocialDeliveryStatus.FAILED,
                        attempts,
                        null,
                        e.getMessage());
                log.error("Milestone {}: {}", id, e.getMessage());
                return null;
            } catch (SocialNetworkUnavailableException e) {
                check++;
                Duration pause = pause(e);
                record(
                        post,
                        publisher,
                        SocialDeliveryStatus.PENDING,
                        attempts,
                        null,
                        why(e, pause));
                log.info(
                        "Milestone {} still waits for {}: {}",
                        id,
                        publisher.network(),
                        e.getMessage());
                return pause;
            }
        }
    }

    private void record(
            SocialPost post,
            SocialPublisher publisher,
            SocialDeliveryStatus status,
            int attempts,
            PublishedPost published,
            String error) {
        deliveries.record(delivery(post, publisher, status, attempts, published, error));
    }

    private SocialDelivery delivery(
            SocialPost post,
            SocialPublisher publisher,
            SocialDeliveryStatus status,
            int attempts,
            PublishedPost published,
            String error) {
        return new SocialDelivery(
                post.milestoneId(),
                publisher.network(),
                publisher.account(),
                status,
                attempts,
                published == null ? null : published.postId(),
                published == null ? null : published.url(),
                error,
                clock.instant());
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
