package io.milestones.notifier.social;

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
}
