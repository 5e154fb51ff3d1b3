package io.milestones.notifier.social;

import java.util.List;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;

/**
 * Deliveries kept in memory: enough to skip a network that already has the post when the same
 * milestone is redelivered to this process. Lost on restart; the networks' own idempotency (see
 * decision 0401) covers that window.
 */
class InMemorySocialDeliveries implements SocialDeliveries {

    private final ConcurrentMap<String, SocialDelivery> deliveries = new ConcurrentHashMap<>();

    @Override
    public Optional<SocialDelivery> find(String milestoneId, String network) {
        return Optional.ofNullable(deliveries.get(key(milestoneId, network)));
    }

    @Override
    public void record(SocialDelivery delivery) {
        deliveries.put(key(delivery.milestoneId(), delivery.network()), delivery);
    }

    @Override
    public boolean claim(SocialDelivery delivery, int expectedAttempts) {
        boolean[] won = {false};
        deliveries.computeIfPresent(
                key(delivery.milestoneId(), delivery.network()),
                (k, current) -> {
                    if (current.status() == SocialDeliveryStatus.PENDING
                            && current.attempts() == expectedAttempts) {
                        won[0] = true;
                        return delivery;
                    }
                    return current;
                });
        return won[0];
    }

    @Override
    public List<String> pending(String network, String lastErrorPrefix) {
        return deliveries.values().stream()
                .filter(d -> d.network().equals(network))
                .filter(d -> d.status() == SocialDeliveryStatus.PENDING)
                .filter(d -> d.lastError() != null && d.lastError().startsWith(lastErrorPrefix))
                .map(SocialDelivery::milestoneId)
                .sorted()
                .toList();
    }

    private static String key(String milestoneId, String network) {
        return milestoneId + "|" + network;
    }
}
