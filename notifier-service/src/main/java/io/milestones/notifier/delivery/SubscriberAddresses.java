package io.milestones.notifier.delivery;

import io.milestones.notifier.subscription.SubscriberDirectory;
import io.milestones.notifier.subscription.SubscriberErased;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Resolves a request's subscription to the address it is sent to, at send time, from the
 * subscriptions table (the notifier's own copy of {@code teacher-contacts}): an erased or
 * unsubscribed subscription resolves to nothing. {@link PreparePolls} looks up a whole poll at
 * once, so the send path costs one query per poll, not one per message; each prefetched address
 * serves one request, within {@link #FRESH}, and an erasure drops it at once.
 */
@Component
class SubscriberAddresses {

    /** A prefetched address older than this is looked up again. */
    static final Duration FRESH = Duration.ofSeconds(30);

    /** Left-overs of polls never processed (a rebalance) are dropped beyond this many. */
    private static final int MAX_PREFETCHED = 20_000;

    private final SubscriberDirectory directory;
    private final Clock clock;
    private final Map<UUID, Prefetched> prefetched = new ConcurrentHashMap<>();

    SubscriberAddresses(SubscriberDirectory directory, Clock clock) {
        this.directory = directory;
        this.clock = clock;
    }

    /**
     * Looks up the addresses of one poll's requests; returns those found (confirmed subscribers).
     */
    Map<UUID, String> prefetch(Collection<UUID> subscriptionIds) {
        if (subscriptionIds.isEmpty()) {
            return Map.of();
        }
        Map<UUID, String> found = directory.confirmedAddresses(subscriptionIds);
        Instant now = clock.instant();
        if (prefetched.size() > MAX_PREFETCHED) {
            prefetched.clear();
        }
        for (UUID id : subscriptionIds) {
            prefetched.put(id, new Prefetched(found.get(id), now));
        }
        return found;
    }

    /** The address {@code subscriptionId} may be mailed at now, or empty if it may not. */
    Optional<String> address(UUID subscriptionId) {
        Prefetched hit = prefetched.remove(subscriptionId);
        if (hit != null && hit.at().plus(FRESH).isAfter(clock.instant())) {
            return Optional.ofNullable(hit.address());
        }
        return Optional.ofNullable(
                directory.confirmedAddresses(List.of(subscriptionId)).get(subscriptionId));
    }

    /** An erased subscriber's prefetched address goes at once, whatever its age. */
    @EventListener
    void on(SubscriberErased erased) {
        if (erased.email() != null) {
            prefetched.values().removeIf(p -> erased.email().equals(p.address()));
        }
    }

    private record Prefetched(String address, Instant at) {}
}
