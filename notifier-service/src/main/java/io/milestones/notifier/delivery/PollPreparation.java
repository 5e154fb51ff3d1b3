package io.milestones.notifier.delivery;

import io.milestones.notifier.suppression.SuppressionList;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.stereotype.Component;

/**
 * Prepares a poll of requests before the listener sends them one by one (decision 0312): their
 * subscriptions resolved to addresses in one look-up, the addresses checked against the suppression
 * list in one query, and the deliveries of requests of the main topic claimed in one transaction
 * ({@link Deliveries#claimAll}). A request then costs the sender one small commit (its SENT mark,
 * {@link SentMarks}) instead of three statements and two commits; the claim is durable before the
 * send all the same, so a crash still repeats at most the one e-mail per sender thread that was
 * between the server's acceptance and its SENT mark.
 *
 * <p>What is prepared serves one request ({@link #take}); a suppression verdict older than {@link
 * #FRESH} is not used (the listener checks again). Anything not prepared — a retry topic's request,
 * a failed batch claim, a poll dropped by a rebalance — is checked and claimed by the listener on
 * its own, as before. A poll polled again (the container seeks back after a failed request) is
 * claimed again: its PENDING rows count one more attempt.
 */
@Component
class PollPreparation {

    /** A suppression verdict older than this is checked again. */
    static final Duration FRESH = Duration.ofSeconds(30);

    /** Left-overs of polls never processed (a rebalance) are dropped beyond this many. */
    private static final int MAX_PREPARED = 20_000;

    private final SubscriberAddresses addresses;
    private final SuppressionList suppressions;
    private final Deliveries deliveries;
    private final Clock clock;
    private final Map<Deliveries.Key, Prepared> prepared = new ConcurrentHashMap<>();

    PollPreparation(
            SubscriberAddresses addresses,
            SuppressionList suppressions,
            Deliveries deliveries,
            Clock clock) {
        this.addresses = addresses;
        this.suppressions = suppressions;
        this.deliveries = deliveries;
        this.clock = clock;
    }

    /**
     * What was prepared for one request (resolved to its address).
     *
     * @param suppressed whether the address is on the suppression list, or {@code null} when that
     *     is to be checked again
     * @param claimed whether the delivery was claimed for this attempt (false: done before), or
     *     {@code null} when it was not claimed ahead
     * @param at when
     */
    record Prepared(Boolean suppressed, Boolean claimed, Instant at) {}

    /**
     * Prepares one poll.
     *
     * @param requests the poll's requests, in order
     * @param claim whether to claim their deliveries too: only for the main topic, whose requests
     *     are sent as soon as they are polled (a retry topic's wait until they are due)
     */
    void prepare(List<NotificationRequest> requests, boolean claim) {
        Set<UUID> ids = new LinkedHashSet<>();
        requests.forEach(
                request -> {
                    if (request.subscriptionId() != null) {
                        ids.add(request.subscriptionId());
                    }
                });
        Map<UUID, String> found = addresses.prefetch(ids);
        if (!claim) {
            return;
        }
        List<NotificationRequest> resolved = new ArrayList<>(requests.size());
        List<String> emails = new ArrayList<>();
        for (NotificationRequest request : requests) {
            NotificationRequest to =
                    request.subscriptionId() == null
                            ? request
                            : found.containsKey(request.subscriptionId())
                                    ? request.resolvedTo(found.get(request.subscriptionId()))
                                    : null; // unsubscribed or erased: the listener skips it
            if (to != null && to.recipient() != null) {
                resolved.add(to);
                if (to.channel() == Channel.EMAIL) {
                    emails.add(to.recipient());
                }
            }
        }
        Set<String> suppressed = suppressions.suppressedAmong(emails);
        List<NotificationRequest> toClaim =
                resolved.stream()
                        .filter(
                                r ->
                                        r.channel() != Channel.EMAIL
                                                || !suppressed.contains(r.recipient()))
                        .toList();
        Map<Deliveries.Key, Boolean> claimed = deliveries.claimAll(toClaim);
        Instant now = clock.instant();
        if (prepared.size() > MAX_PREPARED) {
            prepared.clear();
        }
        for (NotificationRequest request : resolved) {
            Deliveries.Key key = Deliveries.Key.of(request);
            boolean isSuppressed =
                    request.channel() == Channel.EMAIL && suppressed.contains(request.recipient());
            prepared.put(key, new Prepared(isSuppressed, claimed.get(key), now));
        }
    }

    /**
     * What was prepared for {@code request} (resolved to its address), once: {@code null} when
     * nothing was, or its suppression verdict is no longer fresh and it was not claimed.
     */
    Prepared take(NotificationRequest request) {
        Prepared hit = prepared.remove(Deliveries.Key.of(request));
        if (hit == null) {
            return null;
        }
        if (hit.at().plus(FRESH).isBefore(clock.instant())) {
            // the claim stands (it is durable); the suppression verdict is checked again
            return hit.claimed() == null ? null : new Prepared(null, hit.claimed(), hit.at());
        }
        return hit;
    }
}
