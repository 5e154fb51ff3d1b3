package io.milestones.notifier.social;

import java.util.List;
import java.util.Optional;

/**
 * Where the outcome of each social post is recorded, one row per (milestone, network): the port the
 * deliveries table implements (channel = {@code social:<network>}, recipient = the account). {@link
 * InMemorySocialDeliveries} stands in until then; a {@code @Primary} bean replaces it.
 */
public interface SocialDeliveries {

    /** The recorded delivery of {@code milestoneId}'s post on {@code network}, if any. */
    Optional<SocialDelivery> find(String milestoneId, String network);

    /** Inserts or replaces the delivery of {@code (milestoneId, network)}. */
    void record(SocialDelivery delivery);

    /**
     * Replaces the delivery of {@code (milestoneId, network)} only while it is still {@code
     * PENDING} after {@code expectedAttempts} attempts: of several processes resuming the same
     * waiting post, one wins the claim and publishes.
     *
     * @return whether this caller won
     */
    boolean claim(SocialDelivery delivery, int expectedAttempts);

    /** Milestones whose delivery on {@code network} is PENDING with a last error so starting. */
    List<String> pending(String network, String lastErrorPrefix);
}
